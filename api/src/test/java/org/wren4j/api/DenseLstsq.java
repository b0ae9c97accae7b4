package org.wren4j.api;

import java.util.Arrays;
import java.util.Random;

/**
 * An independent dense reference for {@code lstsq}: numpy's minimum-norm solution from a
 * one-sided (Hestenes) Jacobi SVD of the whole A in plain Java (no QR, no LAPACK, no tiles),
 * and generators of matrices with chosen singular values.
 */
final class DenseLstsq {
    /** Machine epsilon, numpy's {@code finfo(float64).eps}. */
    static final double EPS = Math.ulp(1.0);

    /** The reference answer: x (n x k), squared residual norms per column, rank, singular values descending. */
    record Answer(double[][] x, double[] residuals, int rank, double[] s) {
    }

    private DenseLstsq() {
    }

    /** numpy's {@code lstsq(a, b, rcond)}, except residuals are given for every rank. */
    static Answer solve(double[][] a, double[][] b, double rcond) {
        int m = a.length;
        int n = a[0].length;
        int k = b[0].length;
        double[][] col = new double[n][m];
        double[][] v = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                col[j][i] = a[i][j];
            }
            v[j][j] = 1;
        }
        for (int sweep = 0; sweep < 80; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = dot(col[p], col[p]);
                    double beta = dot(col[q], col[q]);
                    double gamma = dot(col[p], col[q]);
                    if (gamma == 0 || Math.abs(gamma) <= 1e-16 * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    rotate(col[p], col[q], c, s);
                    rotate(v[p], v[q], c, s);
                }
            }
            if (!rotated) {
                break;
            }
        }
        // column j of A V is s_j u_j; v[j] is the j-th right singular vector
        Integer[] order = new Integer[n];
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
            norms[j] = Math.sqrt(dot(col[j], col[j]));
        }
        Arrays.sort(order, (x, y) -> Double.compare(norms[y], norms[x]));
        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            s[j] = norms[order[j]];
        }
        int rank = 0;
        while (rank < n && s[rank] > rcond * s[0]) {
            rank++;
        }
        double[][] x = new double[n][k];
        for (int c = 0; c < k; c++) {
            double[] bc = new double[m];
            for (int i = 0; i < m; i++) {
                bc[i] = b[i][c];
            }
            for (int idx = 0; idx < rank; idx++) {
                int j = order[idx];
                double coef = dot(col[j], bc) / (s[idx] * s[idx]);
                for (int i = 0; i < n; i++) {
                    x[i][c] += coef * v[j][i];
                }
            }
        }
        return new Answer(x, residuals(a, b, x), rank, s);
    }

    /** Squared 2-norm of each column of {@code b - a x}. */
    static double[] residuals(double[][] a, double[][] b, double[][] x) {
        int k = b[0].length;
        double[] out = new double[k];
        for (int i = 0; i < a.length; i++) {
            for (int c = 0; c < k; c++) {
                double r = b[i][c];
                for (int j = 0; j < x.length; j++) {
                    r -= a[i][j] * x[j][c];
                }
                out[c] += r * r;
            }
        }
        return out;
    }

    /** {@code U diag(s) V^T} with random orthonormal U (m x n) and V (n x n): singular values s (length n). */
    static double[][] withSingularValues(Random random, int m, double[] s) {
        int n = s.length;
        double[][] u = orthonormal(random, m, n);
        double[][] v = orthonormal(random, n, n);
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double d = 0;
                for (int q = 0; q < n; q++) {
                    d += u[i][q] * s[q] * v[j][q];
                }
                a[i][j] = d;
            }
        }
        return a;
    }

    /** An m x n matrix with orthonormal columns: Gaussian columns by modified Gram-Schmidt, twice. */
    static double[][] orthonormal(Random random, int m, int n) {
        double[][] q = new double[n][m];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                q[j][i] = random.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < j; p++) {
                    double d = dot(q[p], q[j]);
                    for (int i = 0; i < m; i++) {
                        q[j][i] -= d * q[p][i];
                    }
                }
                double norm = Math.sqrt(dot(q[j], q[j]));
                for (int i = 0; i < m; i++) {
                    q[j][i] /= norm;
                }
            }
        }
        double[][] out = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = q[j][i];
            }
        }
        return out;
    }

    static double fro(double[][] a) {
        return DenseMath.fro(a);
    }

    static double froDiff(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                double d = a[i][j] - b[i][j];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    private static void rotate(double[] x, double[] y, double c, double s) {
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            x[i] = c * xi - s * y[i];
            y[i] = s * xi + c * y[i];
        }
    }

    private static double dot(double[] x, double[] y) {
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            d += x[i] * y[i];
        }
        return d;
    }
}
