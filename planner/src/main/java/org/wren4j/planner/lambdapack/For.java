package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code for var in from..to step step}: {@code from} inclusive, {@code to} exclusive, positive
 * step. Bounds may use outer loop variables.
 */
public record For(String var, Expr from, Expr to, Expr step, Block body) implements Stmt {
    public For {
        requireNonNull(var, "var is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(step, "step is null");
        requireNonNull(body, "body is null");
        new Ref(var); // validates the name
    }

    @Override
    public List<Stmt> children() {
        return List.of(body);
    }

    @Override
    public String toString() {
        return ProgramPrinter.print(this);
    }
}
