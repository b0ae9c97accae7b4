package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code if cond: then else: orElse}. */
public record If(Expr condition, Block then, Block orElse) implements Stmt {
    public If {
        requireNonNull(condition, "condition is null");
        requireNonNull(then, "then is null");
        requireNonNull(orElse, "orElse is null");
    }

    @Override
    public List<Stmt> children() {
        return List.of(then, orElse);
    }

    @Override
    public String toString() {
        return ProgramPrinter.print(this);
    }
}
