package org.wren4j.planner.expr;

/**
 * What is known of a matrix by construction. LOWER/UPPER: the other triangle's tiles are zero and
 * not stored. SYMMETRIC/SPD: only the lower tiles are stored, tile (i, j) above the diagonal is
 * the transpose of tile (j, i); PSD and SPD add positive semi-definiteness and definiteness (a
 * Gram matrix is PSD, plus a positive multiple of the identity SPD), which lets {@code solve} use
 * Cholesky.
 *
 * <p>Each structure has a {@link #label()}, the name a stored matrix's manifest records it under.
 */
public enum Structure {
    GENERAL("general"),
    LOWER("lower-triangular"),
    UPPER("upper-triangular"),
    SYMMETRIC("symmetric"),
    PSD("psd"),
    SPD("spd");

    private final String label;

    Structure(String label) {
        this.label = label;
    }

    /** The name stored matrices record this structure under, e.g. {@code spd}; never changes once released. */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException for an unknown label, listing the known ones */
    public static Structure fromLabel(String label) {
        for (Structure s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown matrix structure '" + label
                + "' (known: general, lower-triangular, upper-triangular, symmetric, psd, spd)");
    }

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
