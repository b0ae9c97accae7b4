package org.wren4j.api;

import java.util.Arrays;
import org.wren4j.planner.expr.BandReduce;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.QrR;
import org.wren4j.planner.expr.Transpose;

/**
 * Singular values: the band reduction (bdfac) runs on the cluster, then the client reads the
 * 2N - 1 band tiles, chases the band down to bidiagonal form with Givens rotations (O(n^2 b)
 * for bandwidth b, only inside the band) and finds the k largest singular values by bisection
 * on the Golub-Kahan tridiagonal matrix (Sturm counts, O(n) each; absolute accuracy about
 * eps ||A||). The client holds the band as a dense n x n array, hence the limit on n.
 * Measured, single-threaded: n = 2000 with b = 100 about 5 s (half chase, half bisection),
 * n = 4000 with b = 512 about 100 s (the chase's column rotations stride across rows; a
 * compact band storage would be the next step).
 * {@link #jacobi} is kept as an independent dense reference.
 */
final class BandSvd {
    /** Largest n the client step accepts: n^2 doubles on the client, minutes of chase at b = 1024. */
    static final int MAX_N = 8192;

    private BandSvd() {
    }

    /** {@code k} if it is between 1 and the smaller dimension of {@code shape}; {@code svd(k)}'s argument check. */
    static int checkK(int k, org.wren4j.planner.expr.Shape shape) {
        long most = Math.min(shape.rows(), shape.cols());
        if (k < 1 || k > most) {
            throw new IllegalArgumentException("svd: k = " + k + " must be between 1 and " + most + " for a " + shape + " matrix");
        }
        return k;
    }

    /** The {@code k} largest singular values of the matrix {@code expr}, descending. */
    static double[] singularValues(Wren wren, MatrixExpr expr, int k) {
        MatrixExpr a = expr.shape().rows() >= expr.shape().cols() ? expr : new Transpose(expr);
        long n = a.shape().cols();
        if (n > MAX_N) {
            throw new WrenException("singular values: the band step runs on the client, up to n = " + MAX_N + " columns (the smaller "
                    + "dimension); this matrix is " + expr.shape());
        }
        // a tall matrix has the singular values of its R; bdfac starts from stored tiles
        Leaf square = wren.evaluate(a.shape().isSquare() ? a : new QrR(a));
        Leaf band = wren.evaluate(new BandReduce(square));
        double[][] dense = readBand(wren, band);
        toBidiagonal(dense, band.blockSize());
        return bidiagonalSingularValues(dense, k);
    }

    private static double[][] readBand(Wren wren, Leaf band) {
        int n = Math.toIntExact(band.shape().rows());
        int b = band.blockSize();
        long tiles = band.shape().tileRows(b);
        double[][] out = new double[n][n];
        for (long k = 0; k < tiles; k++) {
            for (long j = k; j <= Math.min(k + 1, tiles - 1); j++) {
                double[][] t = wren.io().readTile(band, k, j);
                for (int r = 0; r < t.length; r++) {
                    System.arraycopy(t[r], 0, out[(int) (k * b) + r], (int) (j * b), t[r].length);
                }
            }
        }
        return out;
    }

    /**
     * Reduces an upper band matrix (entries {@code 0 <= j - i <= w}) to upper bidiagonal form
     * in place by Givens rotations, which keep its singular values: row i's entries right of
     * the superdiagonal are zeroed from the right by column rotations, and each bulge that one
     * creates below the diagonal is chased down the band (a row rotation, then a column
     * rotation w columns further) until it leaves the matrix.
     */
    static void toBidiagonal(double[][] a, int w) {
        int n = a.length;
        for (int i = 0; i < n - 2; i++) {
            for (int j = Math.min(i + w, n - 1); j >= i + 2; j--) {
                if (a[i][j] == 0) {
                    continue;
                }
                columnRotation(a, j, i, w);
                for (int r = j; ; ) {
                    if (a[r][r - 1] != 0) {
                        rowRotation(a, r, r - 1, w);
                    }
                    int c = r + w;
                    if (c >= n) {
                        break;
                    }
                    if (a[r - 1][c] != 0) {
                        columnRotation(a, c, r - 1, w);
                    }
                    r = c;
                }
            }
        }
    }

    /** Rotates columns q - 1 and q so that {@code a[row][q]} becomes zero; only rows that can be nonzero there. */
    private static void columnRotation(double[][] a, int q, int row, int w) {
        int n = a.length;
        double x = a[row][q - 1];
        double y = a[row][q];
        double r = Math.hypot(x, y);
        double c = x / r;
        double s = y / r;
        for (int i = Math.max(0, q - w - 2); i <= Math.min(n - 1, q + 1); i++) {
            double u = a[i][q - 1];
            double v = a[i][q];
            a[i][q - 1] = c * u + s * v;
            a[i][q] = -s * u + c * v;
        }
        a[row][q - 1] = r;
        a[row][q] = 0;
    }

    /** Rotates rows r - 1 and r so that {@code a[r][col]} becomes zero; only columns that can be nonzero there. */
    private static void rowRotation(double[][] a, int r, int col, int w) {
        int n = a.length;
        double x = a[r - 1][col];
        double y = a[r][col];
        double h = Math.hypot(x, y);
        double c = x / h;
        double s = y / h;
        double[] up = a[r - 1];
        double[] down = a[r];
        for (int j = Math.max(0, r - 2); j <= Math.min(n - 1, r + w + 1); j++) {
            double u = up[j];
            double v = down[j];
            up[j] = c * u + s * v;
            down[j] = -s * u + c * v;
        }
        up[col] = h;
        down[col] = 0;
    }

    /**
     * The {@code k} largest singular values of the upper bidiagonal part of {@code a}, descending:
     * bisection for the largest eigenvalues of the Golub-Kahan matrix (zero diagonal,
     * off-diagonal d0, e0, d1, e1, ...), whose eigenvalues are plus and minus the singular values.
     */
    static double[] bidiagonalSingularValues(double[][] a, int k) {
        int n = a.length;
        double[] t = new double[2 * n - 1];
        double bound = 0;
        for (int i = 0; i < n; i++) {
            t[2 * i] = a[i][i];
            if (i + 1 < n) {
                t[2 * i + 1] = a[i][i + 1];
            }
        }
        double maxSq = 0;
        for (int i = 0; i < t.length; i++) {
            bound = Math.max(bound, Math.abs(t[i]) + (i + 1 < t.length ? Math.abs(t[i + 1]) : 0));
            maxSq = Math.max(maxSq, t[i] * t[i]);
        }
        double pivmin = Double.MIN_NORMAL * Math.max(1, maxSq);
        double[] sv = new double[k];
        if (bound == 0) {
            // a zero matrix: bisection would stop one subnormal above 0
            return sv;
        }
        double hi = bound * (1 + 1e-12) + Double.MIN_NORMAL;
        for (int q = 0; q < k; q++) {
            // sigma_q is the (2n - 1 - q)-th smallest eigenvalue: fewer than 2n - q eigenvalues lie below it
            double lo = 0;
            double up = hi;
            for (int it = 0; it < 200 && up - lo > 2 * Math.ulp(up); it++) {
                double mid = 0.5 * (lo + up);
                if (below(t, mid, pivmin) >= 2 * n - q) {
                    up = mid;
                } else {
                    lo = mid;
                }
            }
            sv[q] = 0.5 * (lo + up);
            hi = up;
        }
        return sv;
    }

    /** Sturm count: eigenvalues of the Golub-Kahan matrix below x. */
    private static int below(double[] t, double x, double pivmin) {
        int count = 0;
        double d = -x;
        if (Math.abs(d) < pivmin) {
            d = -pivmin;
        }
        if (d < 0) {
            count++;
        }
        for (double b : t) {
            d = -x - b * b / d;
            if (Math.abs(d) < pivmin) {
                d = -pivmin;
            }
            if (d < 0) {
                count++;
            }
        }
        return count;
    }

    /** Singular values of a dense matrix, descending: one-sided (Hestenes) Jacobi rotations of its columns. */
    static double[] jacobi(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        double[][] col = new double[n][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                col[j][i] = a[i][j];
            }
        }
        double eps = 1e-15;
        for (int sweep = 0; sweep < 60; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    double[] x = col[p];
                    double[] y = col[q];
                    for (int i = 0; i < m; i++) {
                        alpha += x[i] * x[i];
                        beta += y[i] * y[i];
                        gamma += x[i] * y[i];
                    }
                    if (gamma == 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    for (int i = 0; i < m; i++) {
                        double xi = x[i];
                        x[i] = c * xi - s * y[i];
                        y[i] = s * xi + c * y[i];
                    }
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] sv = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (double v : col[j]) {
                s += v * v;
            }
            sv[j] = Math.sqrt(s);
        }
        Arrays.sort(sv);
        for (int i = 0; i < n / 2; i++) {
            double t = sv[i];
            sv[i] = sv[n - 1 - i];
            sv[n - 1 - i] = t;
        }
        return sv;
    }
}
