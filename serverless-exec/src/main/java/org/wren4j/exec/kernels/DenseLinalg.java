package org.wren4j.exec.kernels;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;

/**
 * Whole-matrix LAPACK/BLAS on column-major {@code double[]}, for dense references and for the
 * single-call LAPACK baseline that benchmarks compare against. Not used by the runtime.
 */
public final class DenseLinalg {
    private DenseLinalg() {
    }

    /** Sets the number of OpenBLAS threads of this process (workers use 1). */
    public static void setBlasThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        openblas.blas_set_num_threads(threads);
    }

    public static int blasThreads() {
        return openblas.blas_get_num_threads();
    }

    /**
     * Lower Cholesky factor of the SPD {@code n x n} matrix {@code a} (column-major; not modified),
     * strictly upper part zero.
     *
     * @throws KernelFailure if {@code a} is not positive definite
     */
    public static double[] cholesky(double[] a, int n) {
        check(a, n, n, "a");
        try (DoublePointer p = new DoublePointer(a)) {
            int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, p, n);
            if (info > 0) {
                throw new SingularInputException("matrix is not positive definite (leading minor of order " + info + ")");
            }
            double[] l = new double[a.length];
            p.get(l);
            for (int c = 1; c < n; c++) {
                java.util.Arrays.fill(l, c * n, c * n + c, 0.0);
            }
            return l;
        }
    }

    /**
     * The inverse of the {@code n x n} matrix {@code a} (column-major; not modified) by LAPACK
     * {@code dgetrf} + {@code dgetri}: LU with partial pivoting on the whole matrix.
     *
     * @throws KernelFailure if {@code a} is exactly singular
     */
    public static double[] inverse(double[] a, int n) {
        check(a, n, n, "a");
        try (DoublePointer p = new DoublePointer(a); org.bytedeco.javacpp.IntPointer ipiv = new org.bytedeco.javacpp.IntPointer(n)) {
            int info = openblas.LAPACKE_dgetrf(openblas.LAPACK_COL_MAJOR, n, n, p, n, ipiv);
            if (info == 0) {
                info = openblas.LAPACKE_dgetri(openblas.LAPACK_COL_MAJOR, n, p, n, ipiv);
            }
            if (info > 0) {
                throw new SingularInputException("matrix is singular (U[" + (info - 1) + ", " + (info - 1) + "] is zero)");
            }
            double[] inv = new double[a.length];
            p.get(inv);
            return inv;
        }
    }

    /** {@code A B} for column-major {@code m x k} A and {@code k x n} B. */
    public static double[] gemm(double[] a, double[] b, int m, int k, int n) {
        check(a, m, k, "a");
        check(b, k, n, "b");
        try (DoublePointer pa = new DoublePointer(a); DoublePointer pb = new DoublePointer(b);
             DoublePointer pc = new DoublePointer((long) m * n)) {
            openblas.cblas_dgemm(openblas.CblasColMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1.0,
                    pa, m, pb, k, 0.0, pc, m);
            double[] c = new double[m * n];
            pc.get(c);
            return c;
        }
    }

    /** {@code ||A - L L^T||_F / ||A||_F} for symmetric A and lower L (column-major, n x n). */
    public static double choleskyResidual(double[] a, double[] l, int n) {
        check(a, n, n, "a");
        check(l, n, n, "l");
        try (DoublePointer pl = new DoublePointer(l); DoublePointer pc = new DoublePointer(a)) {
            // C = A - L L^T on the lower triangle
            openblas.cblas_dsyrk(openblas.CblasColMajor, openblas.CblasLower, openblas.CblasNoTrans, n, n, -1.0, pl, n, 1.0, pc, n);
            double[] c = new double[a.length];
            pc.get(c);
            double diff = 0;
            for (int col = 0; col < n; col++) {
                int base = col * n;
                diff += c[base + col] * c[base + col];
                for (int row = col + 1; row < n; row++) {
                    diff += 2 * c[base + row] * c[base + row];
                }
            }
            return Math.sqrt(diff) / frobenius(a);
        }
    }

    /** {@code ||C - A B||_F / (||A||_F ||B||_F)}. */
    public static double gemmResidual(double[] a, double[] b, double[] c, int m, int k, int n) {
        check(c, m, n, "c");
        double[] ab = gemm(a, b, m, k, n);
        double diff = 0;
        for (int i = 0; i < ab.length; i++) {
            double d = c[i] - ab[i];
            diff += d * d;
        }
        return Math.sqrt(diff) / (frobenius(a) * frobenius(b));
    }

    public static double frobenius(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static void check(double[] a, int rows, int cols, String name) {
        if (a == null || (long) rows * cols != a.length) {
            throw new IllegalArgumentException(name + " must hold " + rows + "x" + cols + " values, got " + (a == null ? "null" : a.length));
        }
    }
}
