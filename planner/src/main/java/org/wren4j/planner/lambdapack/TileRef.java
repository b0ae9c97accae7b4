package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A tile of a program matrix addressed by symbolic indices. The last two indices are the tile
 * row and column; leading indices, if any, are versions (e.g. the trailing-update step of
 * Cholesky, or the level of a reduction tree).
 */
public record TileRef(String matrix, List<Expr> indices) {
    public TileRef {
        requireNonNull(matrix, "matrix is null");
        indices = List.copyOf(requireNonNull(indices, "indices is null"));
        if (indices.size() < 2) {
            throw new IllegalArgumentException("tile reference " + matrix + " needs at least a row and a column index, got " + indices.size());
        }
    }

    public int rank() {
        return indices.size();
    }

    @Override
    public String toString() {
        return matrix + indices.stream().map(Expr::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
