package org.wren4j.planner.expr;

/**
 * A node {@code op(A, B)} applied to the right-hand side B of a square A: the result has B's
 * shape and block size, with no known structure.
 */
sealed interface RightHandSideExpr extends MatrixExpr permits Solve, TriSolve, LuPermute {
    MatrixExpr b();

    @Override
    default Shape shape() {
        return b().shape();
    }

    @Override
    default int blockSize() {
        return b().blockSize();
    }

    @Override
    default Structure structure() {
        return Structure.GENERAL;
    }
}
