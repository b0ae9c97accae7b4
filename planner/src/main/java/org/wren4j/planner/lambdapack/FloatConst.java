package org.wren4j.planner.lambdapack;

import java.util.List;

/** A floating point literal; only valid as a kernel scalar argument. */
public record FloatConst(double value) implements Expr {
    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
