package org.wren4j.planner.plan;

import java.util.Random;

/**
 * Naive dense helpers on row-major {@code double[][]} for checking plans and results; published
 * in this module's test-jar for the other modules' tests.
 */
public final class Dense {
    private Dense() {
    }

    /** Entries uniform in [-0.5, 0.5), drawn row by row from {@code random}. */
    public static double[][] random(Random random, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble() - 0.5;
            }
        }
        return a;
    }

    /** {@link #random(Random, int, int)} from a new generator seeded with {@code seed}. */
    public static double[][] random(int rows, int cols, long seed) {
        return random(new Random(seed), rows, cols);
    }

    public static double[][] t(double[][] a) {
        double[][] o = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                o[j][i] = a[i][j];
            }
        }
        return o;
    }

    public static double[][] mul(double[][] a, double[][] b) {
        double[][] o = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    o[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return o;
    }

    public static double[][] plus(double[][] a, double[][] b) {
        double[][] o = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                o[i][j] = a[i][j] + b[i][j];
            }
        }
        return o;
    }

    public static double[][] minus(double[][] a, double[][] b) {
        return plus(a, scale(b, -1));
    }

    public static double[][] scale(double[][] a, double s) {
        double[][] o = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                o[i][j] = a[i][j] * s;
            }
        }
        return o;
    }

    public static double[][] eye(int r, int c) {
        double[][] o = new double[r][c];
        for (int i = 0; i < Math.min(r, c); i++) {
            o[i][i] = 1;
        }
        return o;
    }

    public static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }
}
