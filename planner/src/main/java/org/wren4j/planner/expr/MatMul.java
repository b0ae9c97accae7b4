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

    /** {@code X^T X} and {@code X X^T} are positive semi-definite whatever X is. */
    @Override
    public Structure structure() {
        boolean gram = left instanceof Transpose t && t.arg().equals(right) || right instanceof Transpose t2 && t2.arg().equals(left);
        return gram ? Structure.PSD : Structure.GENERAL;
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
