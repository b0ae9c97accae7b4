package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The lower Cholesky factor L of a symmetric positive definite matrix, {@code A = L L^T}. */
public record Cholesky(MatrixExpr arg) implements SameShapeExpr {
    public Cholesky {
        requireNonNull(arg, "arg is null");
        Checks.square("cholesky", arg);
    }

    @Override
    public Structure structure() {
        return Structure.LOWER;
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new Cholesky(c.get(0));
    }

    @Override
    public String toString() {
        return "cholesky(" + arg + ")";
    }
}
