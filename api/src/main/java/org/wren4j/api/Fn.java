package org.wren4j.api;

import org.wren4j.planner.expr.EwOp;

/** Element-wise functions for {@link BlockMatrix#map(Fn)}. */
public enum Fn {
    EXP(EwOp.UnaryFn.EXP), LOG(EwOp.UnaryFn.LOG), SQRT(EwOp.UnaryFn.SQRT), ABS(EwOp.UnaryFn.ABS), SQUARE(EwOp.UnaryFn.SQUARE);

    final EwOp.UnaryFn op;

    Fn(EwOp.UnaryFn op) {
        this.op = op;
    }
}
