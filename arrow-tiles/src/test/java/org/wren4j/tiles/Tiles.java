package org.wren4j.tiles;

import java.util.SplittableRandom;

/** Seeded test tiles. */
final class Tiles {
    static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
        Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, Double.longBitsToDouble(0x7ff8_dead_beef_0001L)};

    private Tiles() {
    }

    static Tile random(int rows, int cols, long seed) {
        if (rows == 0 || cols == 0) {
            return Tile.empty(rows, cols);
        }
        var random = new SplittableRandom(seed);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(-1e6, 1e6);
        }
        return Tile.wrap(rows, cols, v);
    }

    /** A tile of special values (NaN with a payload, infinities, signed zeros, subnormals, extremes). */
    static Tile special(int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = SPECIAL[i % SPECIAL.length];
        }
        return Tile.wrap(rows, cols, v);
    }

    /** Bit-for-bit equality, NaN payloads included (Tile.equals folds NaNs). */
    static boolean sameBits(Tile a, Tile b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            return false;
        }
        double[] x = a.values();
        double[] y = b.values();
        for (int i = 0; i < x.length; i++) {
            if (Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(y[i])) {
                return false;
            }
        }
        return true;
    }
}
