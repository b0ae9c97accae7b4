package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The thin {@code m x n} Q of {@code A = Q R} for a square or tall {@code m x n} A, formed by
 * applying the factorization's reflectors to {@code identity}, the first n columns of the
 * {@code m x m} identity, a stored matrix (the planner refuses a computed one). Shares the
 * factorization with a {@code QrR(A, true)} of the same A.
 */
public record QrQ(MatrixExpr arg, MatrixExpr identity) implements MatrixExpr {
    public QrQ {
        requireNonNull(arg, "arg is null");
        requireNonNull(identity, "identity is null");
        if (arg.shape().rows() < arg.shape().cols()) {
            throw new ShapeMismatchException("qr: needs a square or tall matrix (rows >= columns), got " + arg.shape());
        }
        if (!identity.shape().equals(arg.shape())) {
            throw new ShapeMismatchException("qr: the identity columns are " + identity.shape() + ", need A's shape " + arg.shape());
        }
        Checks.sameBlock("qr", arg, identity);
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
    public Structure structure() {
        return Structure.GENERAL;
    }

    @Override
    public List<MatrixExpr> children() {
        return List.of(arg, identity);
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new QrQ(c.get(0), c.get(1));
    }

    @Override
    public String toString() {
        return "qr_q(" + arg + ")";
    }
}
