package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code first} and {@code second} joined: one above the other (numpy's {@code vstack}), or
 * side by side when {@code sideBySide} ({@code hstack}). Both have the same block size and the
 * same width (height), so the result's tiles are assembled from at most two tiles each.
 */
public record Concat(MatrixExpr first, MatrixExpr second, boolean sideBySide) implements MatrixExpr {
    public Concat {
        requireNonNull(first, "first is null");
        requireNonNull(second, "second is null");
        String op = sideBySide ? "hstack" : "vstack";
        long a = sideBySide ? first.shape().rows() : first.shape().cols();
        long b = sideBySide ? second.shape().rows() : second.shape().cols();
        if (a != b) {
            throw new ShapeMismatchException(op + ": cannot join a " + first.shape() + " and a " + second.shape() + " matrix; "
                    + (sideBySide ? "side by side they need the same number of rows" : "one above the other they need the same number of columns"));
        }
        Checks.sameBlock(op, first, second);
    }

    /** The part's length along the joined axis: rows for vstack, columns for hstack. */
    public long length(MatrixExpr part) {
        return sideBySide ? part.shape().cols() : part.shape().rows();
    }

    @Override
    public Shape shape() {
        Shape f = first.shape();
        Shape s = second.shape();
        return sideBySide ? new Shape(f.rows(), f.cols() + s.cols()) : new Shape(f.rows() + s.rows(), f.cols());
    }

    @Override
    public int blockSize() {
        return first.blockSize();
    }

    @Override
    public Structure structure() {
        return Structure.GENERAL;
    }

    @Override
    public List<MatrixExpr> children() {
        return List.of(first, second);
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new Concat(c.get(0), c.get(1), sideBySide);
    }

    @Override
    public String toString() {
        return (sideBySide ? "hstack(" : "vstack(") + first + ", " + second + ")";
    }
}
