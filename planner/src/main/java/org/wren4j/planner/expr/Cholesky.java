package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The lower Cholesky factor L of a symmetric positive definite matrix, {@code A = L L^T}. */
public record Cholesky(MatrixExpr arg) implements MatrixExpr {
    public Cholesky {
        requireNonNull(arg, "arg is null");
        if (!arg.shape().isSquare()) {
            throw new ShapeMismatchException("cholesky: needs a square matrix, got " + arg.shape());
        }
    }

    @Override
    public Shape shape() {
        return arg.shape();
    }

    @Override
    public int blockSize() {
        return arg.blockSize();
    }

    @Override
    public boolean lowerTriangular() {
        return true;
    }

    @Override
    public List<MatrixExpr> children() {
        return List.of(arg);
    }

    @Override
    public String toString() {
        return "cholesky(" + arg + ")";
    }
}
