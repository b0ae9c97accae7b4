package org.wren4j.exec.job;

/** Which tiles of a stored matrix exist: all, or only those on and below the diagonal (the rest are zero). */
public enum Structure {
    GENERAL, LOWER;

    /** Whether tile (row, col) is implicitly zero and absent from the store. */
    public boolean isZeroTile(long row, long col) {
        return this == LOWER && col > row;
    }
}
