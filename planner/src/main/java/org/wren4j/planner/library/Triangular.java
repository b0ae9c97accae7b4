package org.wren4j.planner.library;

/** Which triangular system a triangular-solve program solves: {@code op(T) X = B} or {@code X op(T) = B}. */
public record Triangular(Side side, boolean lower, boolean transpose) {

    public enum Side { LEFT, RIGHT }

    /** The tile kernel for a diagonal block, e.g. {@code trsm_lln}. */
    public String kernel() {
        return "trsm_" + (side == Side.LEFT ? "l" : "r") + (lower ? "l" : "u") + (transpose ? "t" : "n");
    }

    /** Whether {@code op(T)} is lower triangular. */
    public boolean effectiveLower() {
        return lower != transpose;
    }

    /** A program name such as {@code trsm_left_lower_t}. */
    public String programName() {
        return "trsm_" + side.name().toLowerCase(java.util.Locale.ROOT) + "_" + (lower ? "lower" : "upper") + (transpose ? "_t" : "");
    }
}
