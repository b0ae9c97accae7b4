package org.wren4j.planner.expr;

/**
 * What is known of a matrix by construction. LOWER/UPPER: the other triangle's tiles are zero and
 * not stored. SYMMETRIC/SPD: only the lower tiles are stored, tile (i, j) above the diagonal is
 * the transpose of tile (j, i); PSD and SPD add positive semi-definiteness and definiteness (a
 * Gram matrix is PSD, plus a positive multiple of the identity SPD), which lets {@code solve} use
 * Cholesky.
 */
public enum Structure {
    GENERAL, LOWER, UPPER, SYMMETRIC, PSD, SPD;

    public boolean symmetric() {
        return this == SYMMETRIC || this == PSD || this == SPD;
    }

    /** Symmetric positive (semi)definite: Cholesky applies (and fails clearly if singular). */
    public boolean definite() {
        return this == PSD || this == SPD;
    }

    public boolean triangular() {
        return this == LOWER || this == UPPER;
    }

    /** Whether only the lower tiles of a matrix of this structure are stored. */
    public boolean lowerTilesOnly() {
        return this != GENERAL && this != UPPER;
    }
}
