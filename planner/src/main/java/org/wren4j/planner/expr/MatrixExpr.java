package org.wren4j.planner.expr;

import java.util.List;

/**
 * A node of a lazy matrix expression. Nodes are immutable records compared by value, so equal
 * sub-expressions are one computation. Shapes and block sizes are checked when a node is built,
 * so a mismatch throws at the call that creates it, before any work runs.
 */
public sealed interface MatrixExpr permits Leaf, MatMul, TransposedProduct, Elementwise, UnaryExpr, RightHandSideExpr, Concat, QrQ {
    Shape shape();

    /** Square tile edge of the result. */
    int blockSize();

    Structure structure();

    /** Whether every tile above the diagonal is zero (and absent from the store). */
    default boolean lowerTriangular() {
        return structure() == Structure.LOWER;
    }

    List<MatrixExpr> children();

    /** The same operation over new children (as many as {@link #children()}). */
    MatrixExpr withChildren(List<MatrixExpr> children);
}
