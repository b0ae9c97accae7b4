package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The name of one tile: its matrix and its indices (the last two are the tile row and column,
 * leading ones are versions). {@link #path()} is {@code <matrix>/<i>_<j>[_<k>...]}.
 */
public final class TileKey {
    private final String matrix;
    private final long[] indices;

    public TileKey(String matrix, long... indices) {
        this.matrix = requireNonNull(matrix, "matrix is null");
        if (matrix.isEmpty() || matrix.startsWith("/") || matrix.endsWith("/")) {
            throw new IllegalArgumentException("invalid matrix name: '" + matrix + "'");
        }
        if (indices.length < 2) {
            throw new IllegalArgumentException("a tile key needs a row and a column index, got " + Arrays.toString(indices));
        }
        for (long i : indices) {
            if (i < 0) {
                throw new IllegalArgumentException("negative tile index in " + matrix + Arrays.toString(indices));
            }
        }
        this.indices = indices.clone();
    }

    public static TileKey of(String matrix, long row, long col) {
        return new TileKey(matrix, row, col);
    }

    public String matrix() {
        return matrix;
    }

    public long[] indices() {
        return indices.clone();
    }

    public long row() {
        return indices[indices.length - 2];
    }

    public long col() {
        return indices[indices.length - 1];
    }

    public String path() {
        var sb = new StringBuilder(matrix).append('/');
        for (int i = 0; i < indices.length; i++) {
            sb.append(i == 0 ? "" : "_").append(indices[i]);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TileKey k && k.matrix.equals(matrix) && Arrays.equals(k.indices, indices);
    }

    @Override
    public int hashCode() {
        return 31 * matrix.hashCode() + Arrays.hashCode(indices);
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
