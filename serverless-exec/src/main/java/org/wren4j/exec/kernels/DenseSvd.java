package org.wren4j.exec.kernels;

import static java.util.Objects.requireNonNull;

import org.bytedeco.openblas.global.openblas;

/**
 * The thin SVD of a small dense matrix on the calling thread, by LAPACK {@code dgesdd}: the
 * client-side finish of a job whose result is small (the n x n R of a tall QR), as
 * {@code lstsq} uses it. A separate class from {@link DenseLinalg}, whose methods are
 * references and baselines only.
 */
public final class DenseSvd {
    /**
     * {@code A = U diag(s) V^T} for an {@code m x n} A, {@code p = min(m, n)}: {@code u} is
     * {@code m x p} and {@code vt} is {@code p x n}, both column-major; {@code s} descending, non-negative.
     */
    public record Result(int m, int n, double[] u, double[] s, double[] vt) {
        public Result {
            requireNonNull(u, "u is null");
            requireNonNull(s, "s is null");
            requireNonNull(vt, "vt is null");
        }
    }

    private DenseSvd() {
    }

    /**
     * The thin SVD of the column-major {@code m x n} matrix {@code a} (not modified).
     *
     * @throws KernelFailure if {@code a} holds a NaN or an infinity, or LAPACK does not converge
     */
    public static Result of(double[] a, int m, int n) {
        requireNonNull(a, "a is null");
        if (m < 1 || n < 1 || (long) m * n != a.length) {
            throw new IllegalArgumentException("a must hold " + m + "x" + n + " values, got " + a.length);
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                // dgesdd gives meaningless values for them
                throw new KernelFailure("svd: the " + m + "x" + n + " matrix holds a NaN or an infinity");
            }
        }
        int p = Math.min(m, n);
        double[] work = a.clone();
        double[] s = new double[p];
        double[] u = new double[m * p];
        double[] vt = new double[p * n];
        int info = openblas.LAPACKE_dgesdd(openblas.LAPACK_COL_MAJOR, (byte) 'S', m, n, work, m, s, u, m, vt, p);
        if (info != 0) {
            throw new KernelFailure("svd: LAPACK dgesdd " + (info > 0 ? "did not converge" : "rejected argument " + -info)
                    + " on a " + m + "x" + n + " matrix");
        }
        return new Result(m, n, u, s, vt);
    }
}
