package org.wren4j.api;

import java.util.Arrays;
import org.wren4j.planner.expr.BandReduce;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.QrR;
import org.wren4j.planner.expr.Transpose;

/**
 * Singular values: the band reduction (bdfac) runs on the cluster, then the client reads the
 * 2N - 1 band tiles and finishes with one-sided Jacobi on the dense n x n band. The client step
 * is O(n^3) per sweep, single-threaded, and holds n^2 doubles: measured about 3.5 s at n = 500
 * and 20 s at n = 1000, so minutes at n = 2000 and about half an hour at the limit n = 4096.
 * Reducing the band to bidiagonal form by Givens bulge chasing (O(n^2 b)) and a bidiagonal
 * QR would make this O(n^2 b); that is the next step for larger n.
 */
final class BandSvd {
    /** Largest n the client step accepts: n^2 doubles must fit one array, and n^3 work stay reasonable. */
    static final int MAX_N = 4096;

    private BandSvd() {
    }

    /** All singular values of the matrix {@code expr}, descending. */
    static double[] singularValues(Wren wren, MatrixExpr expr) {
        MatrixExpr a = expr.shape().rows() >= expr.shape().cols() ? expr : new Transpose(expr);
        long n = a.shape().cols();
        if (n > MAX_N) {
            throw new WrenException("singular values: the band step runs on the client, up to n = " + MAX_N + " columns (the smaller "
                    + "dimension); this matrix is " + expr.shape());
        }
        // a tall matrix has the singular values of its R; bdfac starts from stored tiles
        Leaf square = wren.evaluate(a.shape().isSquare() ? a : new QrR(a));
        Leaf band = wren.evaluate(new BandReduce(square));
        return jacobi(readBand(wren, band));
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
