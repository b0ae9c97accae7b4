package org.wren4j.tiles;

/**
 * Which tiles of a stored matrix exist. {@link #LOWER_TRIANGLE}/{@link #UPPER_TRIANGLE}: the other
 * triangle's tiles are zero and absent. {@link #LOWER_MIRRORED}: only tiles on and below the
 * diagonal are stored; tile (i, j) above it is the transpose of tile (j, i).
 *
 * <p>This is a storage fact, recorded in a matrix's {@link MatrixManifest} and in every job's
 * binding of a program matrix; what the matrix is mathematically (symmetric, positive definite)
 * is the manifest's {@code kind}.
 */
public enum StoredTiles {
    /** Every tile is stored. */
    ALL("all"),
    /** Tiles above the diagonal are zero and absent. */
    LOWER_TRIANGLE("lower-triangle"),
    /** Tiles below the diagonal are zero and absent. */
    UPPER_TRIANGLE("upper-triangle"),
    /** Tiles above the diagonal are absent and read as the transpose of their mirror below it. */
    LOWER_MIRRORED("lower-mirrored");

    private final String label;

    StoredTiles(String label) {
        this.label = label;
    }

    /** The name used in manifests, e.g. {@code lower-mirrored}. */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException for an unknown label, listing the known ones */
    public static StoredTiles fromLabel(String label) {
        for (StoredTiles t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown stored tiles '" + label + "' (known: all, lower-triangle, upper-triangle, "
                + "lower-mirrored)");
    }

    /** Whether tile (row, col) is implicitly zero and absent from the store. */
    public boolean isZeroTile(long row, long col) {
        return this == LOWER_TRIANGLE && col > row || this == UPPER_TRIANGLE && row > col;
    }

    /** Whether tile (row, col) is read as the transpose of tile (col, row). */
    public boolean isMirroredTile(long row, long col) {
        return this == LOWER_MIRRORED && col > row;
    }

    /** Whether tile (row, col) is an object in the store: neither zero nor mirrored. */
    public boolean isStoredTile(long row, long col) {
        return !isZeroTile(row, col) && !isMirroredTile(row, col);
    }
}
