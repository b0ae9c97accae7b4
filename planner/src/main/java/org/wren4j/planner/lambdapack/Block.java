package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A sequence of statements. */
public record Block(List<Stmt> body) implements Stmt {
    public Block {
        body = List.copyOf(requireNonNull(body, "body is null"));
    }

    @Override
    public List<Stmt> children() {
        return body;
    }

    @Override
    public String toString() {
        return ProgramPrinter.print(this);
    }
}
