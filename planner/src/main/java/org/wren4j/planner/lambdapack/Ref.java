package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A reference to a program parameter, loop variable or assigned variable. */
public record Ref(String name) implements Expr {
    public Ref {
        requireNonNull(name, "name is null");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("invalid variable name: '" + name + "'");
        }
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    public String toString() {
        return name;
    }
}
