package org.wren4j.api;

import org.wren4j.exec.kernels.DenseEigh;
import org.wren4j.exec.kernels.KernelFailure;

/**
 * eigh and eigvalsh: the matrix (computed by a job if it is an expression) is read by the
 * client, checked to be symmetric, and decomposed by LAPACK {@code dsyevd}. The client holds
 * n x n values, hence the limit on n. Eigenvalues of a symmetric matrix are exact to about
 * {@code eps ||A||_2}; singular values would lose their signs, so the SVD path is not used.
 */
final class SymmetricEigen {
    /** Largest {@code |a_ij - a_ji| / max |a|} accepted as symmetric: the roundings of a product such as {@code X^T X}. */
    static final double SYMMETRY_TOL = 1e-10;

    private SymmetricEigen() {
    }

    static double[] values(BlockMatrix a) {
        return decompose(a, false, "eigvalsh").w();
    }

    static EighResult eigh(BlockMatrix a) {
        DenseEigh.Result r = decompose(a, true, "eigh");
        int n = r.n();
        double[] v = r.v();
        double[][] rows = new double[n][n];
        for (int j = 0; j < n; j++) {
            int big = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v[j * n + i]) > Math.abs(v[j * n + big])) {
                    big = i;
                }
            }
            double sign = v[j * n + big] < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) {
                rows[i][j] = sign * v[j * n + i];
            }
        }
        return new EighResult(r.w(), a.session().fromArray(rows, a.blockSize()));
    }

    private static DenseEigh.Result decompose(BlockMatrix a, boolean vectors, String op) {
        if (a.rows() != a.cols()) {
            throw new ShapeException(op + ": needs a square symmetric matrix, this one is " + a.shape());
        }
        if (a.rows() > BandSvd.MAX_N) {
            throw new WrenException(op + ": the decomposition runs on the client, up to n = " + BandSvd.MAX_N + "; this matrix is "
                    + a.shape());
        }
        int n = (int) a.rows();
        double[] v = a.toColumnMajor();
        double max = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = v[j * n + i];
                if (!Double.isFinite(x)) {
                    String message = op + ": element (" + i + ", " + j + ") of the " + a.shape() + " matrix is " + x;
                    throw new NonFiniteException(message, message, null);
                }
                max = Math.max(max, Math.abs(x));
            }
        }
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                double lower = v[j * n + i];
                double upper = v[i * n + j];
                if (Math.abs(lower - upper) > SYMMETRY_TOL * max) {
                    throw new WrenException(op + ": the " + a.shape() + " matrix is not symmetric: element (" + i + ", " + j + ") is "
                            + lower + " but (" + j + ", " + i + ") is " + upper + "; use svd for a general matrix");
                }
            }
        }
        try {
            return DenseEigh.of(v, n, vectors);
        } catch (KernelFailure e) {
            throw new WrenException(op + " failed: " + e.getMessage(), e);
        }
    }
}
