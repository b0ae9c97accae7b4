package org.wren4j.planner.expr;

/** Shape checks shared by the nodes; messages show both operands and what to do. */
final class Checks {
    private Checks() {
    }

    static void sameBlock(String op, MatrixExpr a, MatrixExpr b) {
        if (a.blockSize() != b.blockSize()) {
            throw new ShapeMismatchException(op + ": block sizes differ (" + a.blockSize() + " for " + a.shape() + ", "
                    + b.blockSize() + " for " + b.shape() + "); create both operands with the same block size");
        }
    }

    static void square(String op, MatrixExpr a) {
        if (!a.shape().isSquare()) {
            throw new ShapeMismatchException(op + ": needs a square matrix, got " + a.shape());
        }
    }

    /** A square A and a B with as many rows and the same block size, as in {@code A X = B}. */
    static void system(String op, MatrixExpr a, MatrixExpr b) {
        square(op, a);
        if (a.shape().rows() != b.shape().rows()) {
            throw new ShapeMismatchException(op + ": A is " + a.shape() + " but B is " + b.shape() + "; B needs " + a.shape().rows() + " rows");
        }
        sameBlock(op, a, b);
    }
}
