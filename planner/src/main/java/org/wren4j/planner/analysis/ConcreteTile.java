package org.wren4j.planner.analysis;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/** A tile of a program matrix at concrete indices, e.g. {@code S[1, 2, 1]}. Immutable. */
public final class ConcreteTile {
    private final String matrix;
    private final long[] indices;

    public ConcreteTile(String matrix, long... indices) {
        this.matrix = requireNonNull(matrix, "matrix is null");
        this.indices = indices.clone();
    }

    public String matrix() {
        return matrix;
    }

    public long[] indices() {
        return indices.clone();
    }

    public int rank() {
        return indices.length;
    }

    public long index(int i) {
        return indices[i];
    }

    /** Tile row: the second-to-last index. */
    public long row() {
        return indices[indices.length - 2];
    }

    /** Tile column: the last index. */
    public long col() {
        return indices[indices.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConcreteTile t && t.matrix.equals(matrix) && Arrays.equals(t.indices, indices);
    }

    @Override
    public int hashCode() {
        return matrix.hashCode() * 31 + Arrays.hashCode(indices);
    }

    @Override
    public String toString() {
        var sb = new StringBuilder(matrix).append('[');
        for (int i = 0; i < indices.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(indices[i]);
        }
        return sb.append(']').toString();
    }
}
