package org.wren4j.planner.library;

/** A row or column reduction: its leaf kernel suffix and combine kernel. */
public enum ReduceOp {
    SUM("sum", "sum_n"),
    NORM2("norm2", "norm2_n"),
    MIN("min", "min_n"),
    MAX("max", "max_n"),
    ARGMIN("argmin", "argmin_n"),
    ARGMAX("argmax", "argmax_n");

    private final String leaf;
    private final String combine;

    ReduceOp(String leaf, String combine) {
        this.leaf = leaf;
        this.combine = combine;
    }

    /** Leaf kernel along an axis: {@code row_sum}, {@code col_argmax}, ... */
    public String leafKernel(boolean rows) {
        return (rows ? "row_" : "col_") + leaf;
    }

    public String combineKernel() {
        return combine;
    }

    /** Whether the result pairs a value with its index (and the program takes the tile width NB). */
    public boolean indexed() {
        return this == ARGMIN || this == ARGMAX;
    }

    public String lowerName() {
        return leaf;
    }
}
