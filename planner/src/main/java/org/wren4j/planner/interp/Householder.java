package org.wren4j.planner.interp;

import static org.wren4j.planner.interp.DenseOps.cols;
import static org.wren4j.planner.interp.DenseOps.rows;

/**
 * Householder QR in the LAPACK convention of {@code dgeqrt} (reflector generation as
 * {@code dlarfg}, triangular factor as {@code dlarft}, forward and column-wise). For an
 * {@code m x n} matrix A and {@code K = min(m, n)}: reflector j is {@code H_j = I - tau_j v_j v_j^T}
 * with {@code v_j[j] = 1} and {@code v_j[i] = 0} for {@code i < j}; {@code tau_j = 0} (so
 * {@code H_j = I}) when the entries below the diagonal of column j are already zero, otherwise
 * {@code beta = -sign(alpha) * ||(alpha, x)||}, {@code tau = (beta - alpha) / beta},
 * {@code v = x / (alpha - beta)}. {@code Q = H_1 H_2 ... H_K = I - V T V^T} with V the
 * {@code m x K} matrix of the v_j and T the {@code K x K} upper triangular factor, and
 * {@code Q^T A = [R; 0]}, R upper trapezoidal; R's diagonal may be negative.
 * The {@code H} tile of a factorization packs both: rows {@code 0..m-1} are V (unit diagonal
 * and zeros above it stored explicitly), rows {@code m..m+K-1} are T.
 */
public final class Householder {
    private Householder() {
    }

    /** {@code Q^T A} (upper trapezoidal, exact zeros below the diagonal), V and T. */
    public record Factor(double[][] qta, double[][] v, double[][] t) {
        /** V over T, the packed {@code (m + K) x K} tile. */
        public double[][] packed() {
            int m = rows(v);
            int k = cols(t);
            double[][] h = new double[m + k][k];
            for (int i = 0; i < m; i++) {
                System.arraycopy(v[i], 0, h[i], 0, k);
            }
            for (int i = 0; i < k; i++) {
                System.arraycopy(t[i], 0, h[m + i], 0, k);
            }
            return h;
        }
    }

    public static Factor factor(double[][] a) {
        int m = rows(a);
        int n = cols(a);
        int k = Math.min(m, n);
        double[][] w = DenseOps.copy(a);
        double[][] v = new double[m][k];
        double[] tau = new double[k];
        for (int j = 0; j < k; j++) {
            double alpha = w[j][j];
            double xnorm = 0;
            for (int i = j + 1; i < m; i++) {
                xnorm = Math.hypot(xnorm, w[i][j]);
            }
            v[j][j] = 1;
            if (xnorm == 0) {
                continue; // tau = 0: H_j = I, column j is already upper triangular
            }
            double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
            tau[j] = (beta - alpha) / beta;
            double scale = 1 / (alpha - beta);
            for (int i = j + 1; i < m; i++) {
                v[i][j] = w[i][j] * scale;
                w[i][j] = 0;
            }
            w[j][j] = beta;
            for (int c = j + 1; c < n; c++) {
                double dot = 0;
                for (int i = j; i < m; i++) {
                    dot += v[i][j] * w[i][c];
                }
                double f = tau[j] * dot;
                for (int i = j; i < m; i++) {
                    w[i][c] -= f * v[i][j];
                }
            }
        }
        return new Factor(w, v, triangularFactor(v, tau));
    }

    /** T of {@code dlarft}: {@code T[j][j] = tau_j}, {@code T[0..j-1][j] = -tau_j T[0..j-1][0..j-1] V[:, 0..j-1]^T v_j}. */
    static double[][] triangularFactor(double[][] v, double[] tau) {
        int m = rows(v);
        int k = tau.length;
        double[][] t = new double[k][k];
        for (int j = 0; j < k; j++) {
            t[j][j] = tau[j];
            if (tau[j] == 0) {
                continue;
            }
            double[] z = new double[j];
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += v[i][p] * v[i][j];
                }
                z[p] = -tau[j] * dot;
            }
            for (int p = 0; p < j; p++) {
                double s = 0;
                for (int q = p; q < j; q++) {
                    s += t[p][q] * z[q];
                }
                t[p][j] = s;
            }
        }
        return t;
    }

    /**
     * {@code Q^T C} ({@code transpose}) or {@code Q C} for the Q of a packed H tile
     * ({@code (m + K) x K}); C has m rows.
     */
    public static double[][] apply(double[][] h, double[][] c, boolean transpose) {
        int k = cols(h);
        int m = rows(h) - k;
        if (m < 0 || rows(c) != m) {
            throw new IllegalArgumentException("reflectors of " + m + " rows (H tile " + rows(h) + "x" + k
                    + ") applied to a matrix of " + rows(c) + " rows");
        }
        int n = cols(c);
        // W = V^T C (K x n); W = op(T) W; C - V W, with op(T) = T^T for Q^T and T for Q
        double[][] w = new double[k][n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double vip = h[i][p];
                if (vip != 0) {
                    for (int j = 0; j < n; j++) {
                        w[p][j] += vip * c[i][j];
                    }
                }
            }
        }
        double[][] tw = new double[k][n];
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                double tpq = transpose ? h[m + q][p] : h[m + p][q];
                if (tpq != 0) {
                    for (int j = 0; j < n; j++) {
                        tw[p][j] += tpq * w[q][j];
                    }
                }
            }
        }
        double[][] out = DenseOps.copy(c);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double vip = h[i][p];
                if (vip != 0) {
                    for (int j = 0; j < n; j++) {
                        out[i][j] -= vip * tw[p][j];
                    }
                }
            }
        }
        return out;
    }

    /** The explicit {@code m x m} Q of a packed H tile (tests and small matrices). */
    public static double[][] explicitQ(double[][] h) {
        int m = rows(h) - cols(h);
        double[][] eye = new double[m][m];
        for (int i = 0; i < m; i++) {
            eye[i][i] = 1;
        }
        return apply(h, eye, false);
    }
}
