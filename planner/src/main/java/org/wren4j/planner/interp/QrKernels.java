package org.wren4j.planner.interp;

import java.util.List;

/**
 * Reference QR and LQ kernels: {@code qr_r} (R factor only), and the Householder kernels of
 * TSQR, CAQR and the band reduction, in the representation of {@link Householder}.
 */
final class QrKernels {
    private QrKernels() {
    }

    static boolean handles(String name) {
        return name.startsWith("qr_") || name.startsWith("lq_");
    }

    static List<double[][]> apply(String name, List<double[][]> in, double[] scalars) {
        return switch (name) {
            case "qr_r" -> List.<double[][]>of(r(stack(in)));
            case "qr_factor" -> factor(in.get(0));
            case "qr_leaf_qt" -> List.<double[][]>of(Householder.apply(in.get(0), in.get(1), true));
            case "qr_leaf_q" -> List.<double[][]>of(Householder.apply(in.get(0), in.get(1), false));
            case "qr_pair_factor" -> pairFactor(in.get(0), in.get(1));
            case "qr_pair_qt" -> pairApply(in.get(0), in.get(1), in.get(2), true);
            case "qr_pair_q" -> pairApply(in.get(0), in.get(1), in.get(2), false);
            case "lq_factor" -> transposeFirst(factor(transpose(in.get(0))));
            case "lq_leaf_apply" -> List.<double[][]>of(transpose(Householder.apply(in.get(0), transpose(in.get(1)), true)));
            case "lq_pair_factor" -> transposeFirst(pairFactor(transpose(in.get(0)), transpose(in.get(1))));
            case "lq_pair_apply" -> pairApply(in.get(0), transpose(in.get(1)), transpose(in.get(2)), true).stream()
                    .map(QrKernels::transpose).toList();
            default -> throw new IllegalArgumentException("no reference implementation of kernel " + name);
        };
    }

    private static double[][] transpose(double[][] a) {
        return DenseOps.transpose(a);
    }

    private static List<double[][]> transposeFirst(List<double[][]> out) {
        return List.of(transpose(out.get(0)), out.get(1));
    }

    /** (Q^T A, H) of one tile. */
    private static List<double[][]> factor(double[][] a) {
        Householder.Factor f = Householder.factor(a);
        return List.of(f.qta(), f.packed());
    }

    /** (top rows of Q^T [top; bottom], H); the bottom rows must come out zero, which needs K <= rows(top). */
    private static List<double[][]> pairFactor(double[][] top, double[][] bottom) {
        int h1 = DenseOps.rows(top);
        int w = DenseOps.cols(top);
        int k = Math.min(h1 + DenseOps.rows(bottom), w);
        if (k > h1) {
            throw new IllegalArgumentException("pair factor needs a top tile at least as tall as the R factor: top has "
                    + h1 + " rows, R has " + k);
        }
        Householder.Factor f = Householder.factor(stack(List.of(top, bottom)));
        return List.of(java.util.Arrays.copyOf(f.qta(), h1), f.packed());
    }

    /** Q^T or Q applied to [top; bottom], split back into tiles of the same heights. */
    private static List<double[][]> pairApply(double[][] h, double[][] top, double[][] bottom, boolean transpose) {
        double[][] out = Householder.apply(h, stack(List.of(top, bottom)), transpose);
        int h1 = DenseOps.rows(top);
        return List.of(java.util.Arrays.copyOfRange(out, 0, h1), java.util.Arrays.copyOfRange(out, h1, out.length));
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
