package org.wren4j.planner.expr;

/** A node over one square argument with the argument's shape and block size (a factor or a transform of it). */
sealed interface SameShapeExpr extends UnaryExpr permits Cholesky, BandReduce, Lu {
    @Override
    default Shape shape() {
        return arg().shape();
    }
}
