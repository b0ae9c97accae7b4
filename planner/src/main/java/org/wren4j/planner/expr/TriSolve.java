package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code X} with {@code op(T) X = B}, T triangular ({@code lower} or upper), op the transpose when {@code transpose}. */
public record TriSolve(MatrixExpr t, MatrixExpr b, boolean lower, boolean transpose) implements RightHandSideExpr {
    public TriSolve {
        requireNonNull(t, "t is null");
        requireNonNull(b, "b is null");
        Checks.square("triangular solve", t);
        if (t.shape().rows() != b.shape().rows()) {
            throw new ShapeMismatchException("triangular solve: the triangular matrix is " + t.shape() + " but the right-hand side "
                    + b.shape() + " has " + b.shape().rows() + " rows; they must have " + t.shape().rows());
        }
        Checks.sameBlock("triangular solve", t, b);
    }

    @Override
    public List<MatrixExpr> children() {
        return List.of(t, b);
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new TriSolve(c.get(0), c.get(1), lower, transpose);
    }

    @Override
    public String toString() {
        return "trisolve_" + (lower ? "lower" : "upper") + (transpose ? "_t" : "") + "(" + t + ", " + b + ")";
    }
}
