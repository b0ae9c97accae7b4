package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code left^T @ right} without forming the transpose. */
public record TransposedProduct(MatrixExpr left, MatrixExpr right) implements MatrixExpr {
    public TransposedProduct {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        if (left.shape().rows() != right.shape().rows()) {
            throw new ShapeMismatchException("matmul: shapes " + left.shape() + "^T and " + right.shape()
                    + " do not align: both need " + left.shape().rows() + " rows");
        }
        Checks.sameBlock("matmul", left, right);
    }

    @Override
    public Shape shape() {
        return new Shape(left.shape().cols(), right.shape().cols());
    }

    @Override
    public int blockSize() {
        return left.blockSize();
    }

    @Override
    public Structure structure() {
        return Structure.GENERAL;
    }

    @Override
    public List<MatrixExpr> children() {
        return List.of(left, right);
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new TransposedProduct(c.get(0), c.get(1));
    }

    @Override
    public String toString() {
        return "(" + left + ".T @ " + right + ")";
    }
}
