package org.wren4j.tiles;

/**
 * Exact structure tests on square tiles (values compared bit for bit, so a tile found symmetric
 * or triangular is rebuilt identically from half of its values) and the mirror that makes a
 * lower triangle symmetric. Comparisons walk the tile in square blocks so both the column and
 * the row being compared stay in cache.
 */
public final class Symmetry {
    private static final int BLOCK = 64;

    private Symmetry() {
    }

    /** Square, and element (r, c) equals element (c, r) bit for bit. */
    public static boolean isSymmetric(Tile t) {
        if (t.rows() != t.cols()) {
            return false;
        }
        int n = t.rows();
        double[] v = t.values();
        for (int c0 = 0; c0 < n; c0 += BLOCK) {
            for (int r0 = c0; r0 < n; r0 += BLOCK) {
                for (int c = c0; c < Math.min(n, c0 + BLOCK); c++) {
                    for (int r = Math.max(r0, c + 1); r < Math.min(n, r0 + BLOCK); r++) {
                        if (Double.doubleToRawLongBits(v[c * n + r]) != Double.doubleToRawLongBits(v[r * n + c])) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** Square, and every element above the diagonal is +0.0. */
    public static boolean isLowerTriangular(Tile t) {
        return zeroTriangle(t, true);
    }

    /** Square, and every element below the diagonal is +0.0. */
    public static boolean isUpperTriangular(Tile t) {
        return zeroTriangle(t, false);
    }

    /** Whether the strict upper ({@code above}) or lower triangle holds only +0.0: one contiguous run per column. */
    private static boolean zeroTriangle(Tile t, boolean above) {
        if (t.rows() != t.cols()) {
            return false;
        }
        int n = t.rows();
        double[] v = t.values();
        for (int c = 0; c < n; c++) {
            for (int i = above ? c * n : c * n + c + 1, end = above ? c * n + c : (c + 1) * n; i < end; i++) {
                if (Double.doubleToRawLongBits(v[i]) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Copies the lower triangle of the column-major {@code n x n} array onto its upper triangle. */
    public static void mirrorLower(double[] v, int n) {
        for (int r0 = 0; r0 < n; r0 += BLOCK) {
            for (int c0 = r0; c0 < n; c0 += BLOCK) {
                for (int c = c0; c < Math.min(n, c0 + BLOCK); c++) {
                    for (int r = r0; r < Math.min(c, r0 + BLOCK); r++) {
                        v[c * n + r] = v[r * n + c];
                    }
                }
            }
        }
    }
}
