package org.wren4j.spark;

/** Matrices as their raw bits, so NaN, -0.0 and every payload compare exactly. */
final class Bits {
    private Bits() {
    }

    static long[][] of(double[][] a) {
        long[][] out = new long[a.length][];
        for (int r = 0; r < a.length; r++) {
            out[r] = new long[a[r].length];
            for (int c = 0; c < a[r].length; c++) {
                out[r][c] = Double.doubleToRawLongBits(a[r][c]);
            }
        }
        return out;
    }
}
