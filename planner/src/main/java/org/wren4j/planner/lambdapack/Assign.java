package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code var = value}; a scalar binding visible to the statements after it in the same block. */
public record Assign(String var, Expr value) implements Stmt {
    public Assign {
        requireNonNull(var, "var is null");
        requireNonNull(value, "value is null");
        new Ref(var); // validates the name
    }

    @Override
    public List<Stmt> children() {
        return List.of();
    }

    @Override
    public String toString() {
        return var + " = " + value;
    }
}
