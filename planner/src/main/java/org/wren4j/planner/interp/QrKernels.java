package org.wren4j.planner.interp;

import java.util.List;

/** Reference QR kernels. */
final class QrKernels {
    private QrKernels() {
    }

    static boolean handles(String name) {
        return name.equals("qr_r");
    }

    static List<double[][]> apply(String name, List<double[][]> in, double[] scalars) {
        if (!name.equals("qr_r")) {
            throw new IllegalArgumentException("no reference implementation of kernel " + name);
        }
        return List.<double[][]>of(r(stack(in)));
    }

    /** The tiles one above the other; they must have the same number of columns. */
    static double[][] stack(List<double[][]> tiles) {
        int cols = DenseOps.cols(tiles.get(0));
        int rows = 0;
        for (double[][] t : tiles) {
            if (DenseOps.cols(t) != cols) {
                throw new IllegalArgumentException("stacked tiles have " + cols + " and " + DenseOps.cols(t) + " columns");
            }
            rows += DenseOps.rows(t);
        }
        double[][] out = new double[rows][];
        int r = 0;
        for (double[][] t : tiles) {
            for (double[] row : t) {
                out[r++] = row.clone();
            }
        }
        return out;
    }

    /** The n x n R factor (Householder) of an m x n matrix, non-negative diagonal, zero rows below min(m, n). */
    static double[][] r(double[][] a) {
        int m = DenseOps.rows(a);
        int n = DenseOps.cols(a);
        double[][] w = DenseOps.copy(a);
        for (int k = 0; k < Math.min(m, n); k++) {
            double norm = 0;
            for (int i = k; i < m; i++) {
                norm = Math.hypot(norm, w[i][k]);
            }
            if (norm == 0) {
                continue;
            }
            double alpha = w[k][k] > 0 ? -norm : norm;
            double[] v = new double[m];
            for (int i = k; i < m; i++) {
                v[i] = w[i][k];
            }
            v[k] -= alpha;
            double vv = 0;
            for (int i = k; i < m; i++) {
                vv += v[i] * v[i];
            }
            if (vv == 0) {
                continue;
            }
            for (int j = k; j < n; j++) {
                double dot = 0;
                for (int i = k; i < m; i++) {
                    dot += v[i] * w[i][j];
                }
                double f = 2 * dot / vv;
                for (int i = k; i < m; i++) {
                    w[i][j] -= f * v[i];
                }
            }
        }
        double[][] r = new double[n][n];
        for (int i = 0; i < Math.min(m, n); i++) {
            double sign = w[i][i] < 0 ? -1 : 1;
            for (int j = i; j < n; j++) {
                r[i][j] = sign * w[i][j];
            }
        }
        return r;
    }
}
