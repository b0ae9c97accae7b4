package org.wren4j.planner.plan;

/** Naive dense helpers for checking plans. */
final class Dense {
    private Dense() {
    }

    static double[][] t(double[][] a) {
        double[][] o = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                o[j][i] = a[i][j];
            }
        }
        return o;
    }

    static double[][] mul(double[][] a, double[][] b) {
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

    static double[][] plus(double[][] a, double[][] b) {
        double[][] o = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                o[i][j] = a[i][j] + b[i][j];
            }
        }
        return o;
    }

    static double[][] minus(double[][] a, double[][] b) {
        return plus(a, scale(b, -1));
    }

    static double[][] scale(double[][] a, double s) {
        double[][] o = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                o[i][j] = a[i][j] * s;
            }
        }
        return o;
    }

    static double[][] eye(int r, int c) {
        double[][] o = new double[r][c];
        for (int i = 0; i < Math.min(r, c); i++) {
            o[i][i] = 1;
        }
        return o;
    }

    static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            for (double v : row) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }
}
