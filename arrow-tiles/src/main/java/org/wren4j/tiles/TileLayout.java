package org.wren4j.tiles;

/**
 * How an encoded tile's values are laid out ({@code wren4j.layout}). A square tile that is
 * triangular or symmetric, bit for bit, is stored packed: only its lower (or upper) triangle,
 * column by column, about half the bytes. Cholesky factors, triangular solves' operands and the
 * symmetric trailing updates are such tiles, and they lie on the factorization's critical path,
 * where every byte written to the object store is waited for. Decoding rebuilds the exact
 * dense tile, so packing is invisible above the codec.
 */
enum TileLayout {
    /** All {@code rows * cols} values, column-major. */
    DENSE("column-major"),
    /** Square; the lower triangle column by column, zeros above it. */
    LOWER("lower-packed"),
    /** Square; the upper triangle column by column, zeros below it. */
    UPPER("upper-packed"),
    /** Square; the lower triangle column by column, mirrored above it. */
    SYMMETRIC("symmetric-lower-packed");

    final String label;

    TileLayout(String label) {
        this.label = label;
    }

    /** The layout {@code tile} is stored in: packed when that is exact and saves bytes. */
    static TileLayout of(Tile tile) {
        if (tile.rows() != tile.cols() || tile.rows() < 2) {
            return DENSE;
        }
        if (Symmetry.isLowerTriangular(tile)) {
            return LOWER;
        }
        if (Symmetry.isUpperTriangular(tile)) {
            return UPPER;
        }
        return Symmetry.isSymmetric(tile) ? SYMMETRIC : DENSE;
    }

    /** @return null if {@code label} names no layout */
    static TileLayout fromLabel(String label) {
        for (TileLayout l : values()) {
            if (l.label.equals(label)) {
                return l;
            }
        }
        return null;
    }

    long storedCount(int rows, int cols) {
        return this == DENSE ? (long) rows * cols : (long) rows * (rows + 1) / 2;
    }

    /** The values to store for the column-major {@code n x n} {@code v} (for DENSE, {@code v} itself). */
    double[] pack(double[] v, int n) {
        if (this == DENSE) {
            return v;
        }
        double[] p = new double[(int) storedCount(n, n)];
        copyTriangle(v, p, n, true);
        return p;
    }

    /** The column-major values of a tile stored as {@code p}; {@code n} is its side (a packed tile is square). */
    double[] unpack(double[] p, int n) {
        if (this == DENSE) {
            return p;
        }
        double[] v = new double[n * n];
        copyTriangle(p, v, n, false);
        if (this == SYMMETRIC) {
            Symmetry.mirrorLower(v, n);
        }
        return v;
    }

    /** Copies the stored triangle, column by column, from the dense array to the packed one ({@code pack}) or back. */
    private void copyTriangle(double[] from, double[] to, int n, boolean pack) {
        int packed = 0;
        for (int c = 0; c < n; c++) {
            int dense = this == UPPER ? c * n : c * n + c;
            int len = this == UPPER ? c + 1 : n - c;
            if (pack) {
                System.arraycopy(from, dense, to, packed, len);
            } else {
                System.arraycopy(from, packed, to, dense, len);
            }
            packed += len;
        }
    }
}
