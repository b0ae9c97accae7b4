package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The {@code n x n} upper triangular R of {@code A = Q R} for a square or tall {@code m x n} A (m >= n). */
public record QrR(MatrixExpr arg) implements UnaryExpr {
    public QrR {
        requireNonNull(arg, "arg is null");
        if (arg.shape().rows() < arg.shape().cols()) {
            throw new ShapeMismatchException("qr: needs a square or tall matrix (rows >= columns), got " + arg.shape());
        }
    }

    @Override
    public Shape shape() {
        return new Shape(arg.shape().cols(), arg.shape().cols());
    }

    @Override
    public Structure structure() {
        return Structure.UPPER;
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new QrR(c.get(0));
    }

    @Override
    public String toString() {
        return "qr_r(" + arg + ")";
    }
}
