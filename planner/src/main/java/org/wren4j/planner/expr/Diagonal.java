package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The diagonal of a square matrix as an {@code n x 1} column. */
public record Diagonal(MatrixExpr arg) implements UnaryExpr {
    public Diagonal {
        requireNonNull(arg, "arg is null");
        Checks.square("diagonal", arg);
    }

    @Override
    public Shape shape() {
        return new Shape(arg.shape().rows(), 1);
    }

    @Override
    public Structure structure() {
        return Structure.GENERAL;
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new Diagonal(c.get(0));
    }

    @Override
    public String toString() {
        return "diag(" + arg + ")";
    }
}
