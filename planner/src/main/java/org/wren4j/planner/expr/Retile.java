package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Rows {@code rowFrom .. rowTo - 1} and columns {@code colFrom .. colTo - 1} of a matrix, as
 * tiles of {@code blockSize}: a slice, a re-tiling (rebalance) or both.
 */
public record Retile(MatrixExpr arg, long rowFrom, long rowTo, long colFrom, long colTo, int blockSize) implements UnaryExpr {
    public Retile {
        requireNonNull(arg, "arg is null");
        Shape s = arg.shape();
        if (rowFrom < 0 || rowFrom >= rowTo || rowTo > s.rows() || colFrom < 0 || colFrom >= colTo || colTo > s.cols()) {
            throw new ShapeMismatchException("slice: rows " + rowFrom + ".." + rowTo + ", columns " + colFrom + ".." + colTo
                    + " is not a non-empty range inside a " + s + " matrix (from inclusive, to exclusive)");
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be positive, got " + blockSize);
        }
    }

    /** Whether the result is the argument's own tiles from a tile boundary on, so whole tiles copy. */
    public boolean tileAligned() {
        int b = arg.blockSize();
        return blockSize == b && rowFrom % b == 0 && colFrom % b == 0;
    }

    @Override
    public Shape shape() {
        return new Shape(rowTo - rowFrom, colTo - colFrom);
    }

    @Override
    public Structure structure() {
        return Structure.GENERAL;
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new Retile(c.get(0), rowFrom, rowTo, colFrom, colTo, blockSize);
    }

    @Override
    public String toString() {
        return "slice(" + arg + ", " + rowFrom + ":" + rowTo + ", " + colFrom + ":" + colTo + ", block " + blockSize + ")";
    }
}
