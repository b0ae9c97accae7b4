package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A manifest's kind and stored tiles as the one text people read, which is also how format-1
 * manifests stored them: {@code spd} (every tile stored), {@code spd; lower tiles only} (tile
 * (i, j) above the diagonal is the transpose of (j, i)), {@code lower-triangular} (upper tiles zero).
 * {@link #parseFormat1} is the only reader of that old text.
 */
record StructureText(String kind, StoredTiles storedTiles) {
    private static final String LOWER_ONLY = "; lower tiles only";
    /** Every kind a format-1 manifest can name; frozen, since no build writes format 1 any more. */
    private static final Set<String> FORMAT1_KINDS = Set.of("general", "lower-triangular", "upper-triangular", "symmetric", "psd", "spd");
    private static final Set<String> FORMAT1_SYMMETRIC = Set.of("symmetric", "psd", "spd");

    StructureText {
        requireNonNull(kind, "kind is null");
        requireNonNull(storedTiles, "storedTiles is null");
    }

    String text() {
        return switch (storedTiles) {
            case ALL -> kind;
            case LOWER_MIRRORED -> kind + LOWER_ONLY;
            // earlier builds stored triangles only for the kinds that name them; say so for any other
            case LOWER_TRIANGLE -> kind.equals("lower-triangular") ? kind : kind + "; upper tiles zero";
            case UPPER_TRIANGLE -> kind.equals("upper-triangular") ? kind : kind + "; lower tiles zero";
        };
    }

    /** @throws IllegalArgumentException if {@code text} is not one that format 1 was written with */
    static StructureText parseFormat1(String text) {
        boolean lowerOnly = text.endsWith(LOWER_ONLY);
        String kind = (lowerOnly ? text.substring(0, text.length() - LOWER_ONLY.length()) : text).trim();
        if (!FORMAT1_KINDS.contains(kind)) {
            throw new IllegalArgumentException("structure '" + text + "' is not one a format-1 manifest holds (known: general, "
                    + "lower-triangular, upper-triangular, symmetric, psd, spd, each optionally with '" + LOWER_ONLY + "')");
        }
        if (lowerOnly && !FORMAT1_SYMMETRIC.contains(kind)) {
            throw new IllegalArgumentException("structure '" + text + "': only a symmetric matrix can keep lower tiles only");
        }
        StoredTiles tiles = lowerOnly ? StoredTiles.LOWER_MIRRORED
                : kind.equals("lower-triangular") ? StoredTiles.LOWER_TRIANGLE
                : kind.equals("upper-triangular") ? StoredTiles.UPPER_TRIANGLE
                : StoredTiles.ALL;
        return new StructureText(kind, tiles);
    }
}
