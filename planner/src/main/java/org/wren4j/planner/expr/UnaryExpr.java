package org.wren4j.planner.expr;

import java.util.List;

/** A node over one argument, tiled like it unless it says otherwise. */
sealed interface UnaryExpr extends MatrixExpr permits SameShapeExpr, Gram, QrR, Diagonal, Reduction, Transpose, Retile {
    MatrixExpr arg();

    @Override
    default int blockSize() {
        return arg().blockSize();
    }

    @Override
    default List<MatrixExpr> children() {
        return List.of(arg());
    }
}
