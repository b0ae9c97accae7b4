package org.wren4j.api;

import java.util.function.Supplier;
import org.wren4j.exec.kernels.DenseLinalg;
import org.wren4j.exec.kernels.KernelFailure;
import org.wren4j.exec.kernels.SingleCall;

/**
 * Whole-matrix LAPACK/BLAS on column-major arrays: the independent reference that results are
 * checked against, and the single-call baseline that speed is compared with.
 */
public final class DenseReference {
    private DenseReference() {
    }

    /** Runs {@code body} with {@code threads} BLAS threads, then restores single-threaded BLAS (what workers use). */
    public static <T> T withBlasThreads(int threads, Supplier<T> body) {
        DenseLinalg.setBlasThreads(threads);
        try {
            return body.get();
        } finally {
            DenseLinalg.setBlasThreads(1);
        }
    }

    /**
     * The single-call baseline: the fastest of a few whole-matrix LAPACK {@code dpotrf} calls on
     * {@code threads} OpenBLAS threads, timing only the call (copies and restores outside the clock).
     *
     * @return seconds of the fastest call
     * @throws SingularMatrixException if {@code a} is not positive definite
     */
    public static double choleskyBaselineSeconds(double[] a, int n, int threads) {
        try {
            return SingleCall.potrf(a, n, threads, SingleCall.DEFAULT_REPETITIONS).seconds();
        } catch (KernelFailure e) {
            throw Errors.kernel("cholesky baseline", e);
        }
    }

    /** The single-call baseline of {@code A B} ({@code dgemm}), timed as {@link #choleskyBaselineSeconds}. */
    public static double gemmBaselineSeconds(double[] a, double[] b, int m, int k, int n, int threads) {
        return SingleCall.gemm(a, b, m, k, n, threads, SingleCall.DEFAULT_REPETITIONS).seconds();
    }

    /** @throws SingularMatrixException if {@code a} is not positive definite */
    public static double[] cholesky(double[] a, int n) {
        try {
            return DenseLinalg.cholesky(a, n);
        } catch (KernelFailure e) {
            throw Errors.kernel("cholesky", e);
        }
    }

    /**
     * The inverse of a column-major {@code n x n} matrix by LAPACK (LU with partial pivoting on the whole matrix).
     *
     * @throws SingularMatrixException if {@code a} is exactly singular
     */
    public static double[] inverse(double[] a, int n) {
        try {
            return DenseLinalg.inverse(a, n);
        } catch (KernelFailure e) {
            throw Errors.kernel("inverse", e);
        }
    }

    public static double[] gemm(double[] a, double[] b, int m, int k, int n) {
        return DenseLinalg.gemm(a, b, m, k, n);
    }

    /** {@code ||A - L L^T||_F / ||A||_F}. */
    public static double choleskyResidual(double[] a, double[] l, int n) {
        return DenseLinalg.choleskyResidual(a, l, n);
    }

    /** {@code ||C - A B||_F / (||A||_F ||B||_F)}. */
    public static double gemmResidual(double[] a, double[] b, double[] c, int m, int k, int n) {
        return DenseLinalg.gemmResidual(a, b, c, m, k, n);
    }

    /**
     * The {@code min(m, n)} singular values, descending, of a column-major {@code m x n} matrix by one-sided Jacobi on
     * the whole matrix in plain Java (no band reduction): the check for
     * {@link BlockMatrix#singularValues()}. O(m n^2) per sweep: for modest sizes.
     */
    public static double[] singularValues(double[] a, int m, int n) {
        double[][] rows = new double[m][n];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < m; r++) {
                rows[r][c] = a[c * m + r];
            }
        }
        // a wide matrix gives n column norms of which only min(m, n) can be nonzero
        return java.util.Arrays.copyOf(BandSvd.jacobi(rows), Math.min(m, n));
    }
}
