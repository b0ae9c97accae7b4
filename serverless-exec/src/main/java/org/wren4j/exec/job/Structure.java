package org.wren4j.exec.job;

/**
 * Which tiles of a stored matrix exist. LOWER/UPPER: the other triangle's tiles are zero and
 * absent. SYMMETRIC: only tiles on and below the diagonal are stored; tile (i, j) above it is
 * the transpose of tile (j, i).
 */
public enum Structure {
    GENERAL, LOWER, UPPER, SYMMETRIC;

    /** Whether tile (row, col) is implicitly zero and absent from the store. */
    public boolean isZeroTile(long row, long col) {
        return this == LOWER && col > row || this == UPPER && row > col;
    }

    /** Whether tile (row, col) is read as the transpose of tile (col, row). */
    public boolean isMirroredTile(long row, long col) {
        return this == SYMMETRIC && col > row;
    }
}
