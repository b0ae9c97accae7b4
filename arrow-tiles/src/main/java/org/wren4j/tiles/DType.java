package org.wren4j.tiles;

/**
 * Element type of stored tiles. Tiles are always float64 in memory; a float32 matrix is stored
 * narrowed and widened on read.
 */
public enum DType {
    FLOAT64("float64", 8),
    FLOAT32("float32", 4);

    private final String label;
    private final int bytes;

    DType(String label, int bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /** The name used in tile metadata and manifests, e.g. {@code float64}. */
    public String label() {
        return label;
    }

    public int bytes() {
        return bytes;
    }

    /** @throws IllegalArgumentException for an unknown label */
    public static DType fromLabel(String label) {
        for (DType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown dtype '" + label + "' (known: float64, float32)");
    }
}
