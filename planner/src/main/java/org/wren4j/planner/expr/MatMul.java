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
        Checks.sameBlock("matmul", left, right);
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
    public Structure structure() {
        return Structure.GENERAL;
    }

    @Override
    public List<MatrixExpr> children() {
        return List.of(left, right);
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new MatMul(c.get(0), c.get(1));
    }

    @Override
    public String toString() {
        return "(" + left + " @ " + right + ")";
    }
}
