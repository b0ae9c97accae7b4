package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The {@code n x n} upper triangular R of {@code A = Q R} for a square or tall {@code m x n} A
 * (m >= n). With {@code householder} it comes from the factorization that keeps its reflectors,
 * the one {@link QrQ} forms Q from (for a single tile column R-only TSQR may differ from it in
 * the signs of rows), so that both from one A give {@code Q R = A}; they then share it.
 */
public record QrR(MatrixExpr arg, boolean householder) implements UnaryExpr {
    /** R alone, by the cheapest factorization. */
    public QrR(MatrixExpr arg) {
        this(arg, false);
    }

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
        return new QrR(c.get(0), householder);
    }

    @Override
    public String toString() {
        return (householder ? "qr_r_with_q(" : "qr_r(") + arg + ")";
    }
}
