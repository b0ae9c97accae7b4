package org.wren4j.planner.lambdapack;

import java.util.List;

/** An integer literal. */
public record IntConst(long value) implements Expr {
    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
