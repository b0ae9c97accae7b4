package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code left @ right}. */
public record MatMul(MatrixExpr left, MatrixExpr right) implements MatrixExpr {
    public MatMul {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        if (left.shape().cols() != right.shape().rows()) {
            throw new ShapeMismatchException("matmul: shapes " + left.shape() + " and " + right.shape()
                    + " do not align: the left operand's columns (" + left.shape().cols() + ") must equal the right operand's rows ("
                    + right.shape().rows() + "); transpose or slice one of them");
        }
        if (left.blockSize() != right.blockSize()) {
            throw new ShapeMismatchException("matmul: block sizes differ (" + left.blockSize() + " for " + left.shape() + ", "
                    + right.blockSize() + " for " + right.shape() + "); create both operands with the same block size");
        }
    }

    @Override
    public Shape shape() {
        return new Shape(left.shape().rows(), right.shape().cols());
    }

    @Override
    public int blockSize() {
        return left.blockSize();
    }

    @Override
    public boolean lowerTriangular() {
        return false;
    }

    @Override
    public List<MatrixExpr> children() {
        return List.of(left, right);
    }

    @Override
    public String toString() {
        return "(" + left + " @ " + right + ")";
    }
}
