package org.wren4j.planner.expr;

import java.util.List;

/**
 * A node of a lazy matrix expression. Shapes and block sizes are checked when a node is built,
 * so a mismatch throws at the call that creates it, before any work runs.
 */
public sealed interface MatrixExpr permits Leaf, MatMul, Cholesky {
    Shape shape();

    /** Square tile edge of the result. */
    int blockSize();

    /** Whether every tile above the diagonal is zero (and absent from the store). */
    boolean lowerTriangular();

    List<MatrixExpr> children();
}
