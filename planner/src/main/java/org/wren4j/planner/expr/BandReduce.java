package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The upper band form B of a square A ({@code A = U B V^T}, bandwidth = the block size, the
 * first stage of the SVD): B has A's singular values. Only the tiles {@code B[k, k]} (upper
 * triangular) and {@code B[k, k + 1]} (lower triangular) are written; the others are zero and
 * absent, so read the result tile by tile, not as a whole. The argument should be a stored
 * matrix: the band reduction's working copies start from its tiles.
 */
public record BandReduce(MatrixExpr arg) implements SameShapeExpr {
    public BandReduce {
        requireNonNull(arg, "arg is null");
        Checks.square("band reduction", arg);
    }

    @Override
    public Structure structure() {
        return Structure.GENERAL;
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new BandReduce(c.get(0));
    }

    @Override
    public String toString() {
        return "band(" + arg + ")";
    }
}
