package org.wren4j.interop.internal;

/**
 * The values of one column for a run of consecutive rows, as a source decoded them: numbers in
 * {@code values}, or category codes in {@code codes}; {@code nulls} marks nulls. A category that
 * is not among the known ones is reported through {@link #unknown}.
 */
public final class ColumnBatch {
    public final double[] values;
    public final int[] codes;
    public final boolean[] nulls;
    public boolean anyNull;
    public int unknownRow = -1;
    public String unknown;

    public ColumnBatch(int capacity, boolean categorical) {
        this.values = categorical ? null : new double[capacity];
        this.codes = categorical ? new int[capacity] : null;
        this.nulls = new boolean[capacity];
    }

    /** Clears the null and unknown marks before the next run. */
    public void reset() {
        if (anyNull) {
            java.util.Arrays.fill(nulls, false);
        }
        anyNull = false;
        unknownRow = -1;
        unknown = null;
    }

    public void setNull(int i) {
        nulls[i] = true;
        anyNull = true;
    }

    public void setUnknown(int i, String value) {
        if (unknownRow < 0) {
            unknownRow = i;
            unknown = value;
        }
    }
}
