package org.wren4j.interop;

/**
 * What a table column holds, as far as loading it into a matrix goes. Columns of the four
 * numeric kinds load as float64; {@link #STRING} columns load only one-hot encoded; {@link #OTHER}
 * columns (dates, timestamps, raw bytes of fixed width, lists, structs, maps) never load, but a
 * table that has them loads fine as long as they are not asked for.
 */
public enum ColumnKind {
    /** Signed or unsigned integers of 8 to 64 bits; 64-bit values beyond 2^53 round to the nearest double. */
    INTEGER,
    /** float16, float32 (widened exactly) and float64. */
    FLOATING,
    /** Decimals of any precision, rounded to the nearest double. */
    DECIMAL,
    /** Booleans: true is 1.0, false 0.0. */
    BOOLEAN,
    /** UTF-8 text (and Arrow dictionary-encoded text): categories for one-hot encoding. */
    STRING,
    /** Anything else. */
    OTHER;

    /** Whether a column of this kind loads as one float64 column without encoding. */
    public boolean isNumeric() {
        return this == INTEGER || this == FLOATING || this == DECIMAL || this == BOOLEAN;
    }
}
