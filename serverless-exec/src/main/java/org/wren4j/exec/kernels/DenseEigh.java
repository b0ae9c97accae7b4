package org.wren4j.exec.kernels;

import static java.util.Objects.requireNonNull;

import org.bytedeco.openblas.global.openblas;

/**
 * The eigen-decomposition of a small dense symmetric matrix on the calling thread, by LAPACK
 * {@code dsyevd} on its lower triangle: the client-side step of {@code eigh}, as
 * {@link DenseSvd} is of {@code svd}.
 */
public final class DenseEigh {
    /** {@code A = V diag(w) V^T}: {@code w} ascending, {@code v} the n x n column-major eigenvectors (null when not asked for). */
    public record Result(int n, double[] w, double[] v) {
        public Result {
            requireNonNull(w, "w is null");
        }
    }

    private DenseEigh() {
    }

    /**
     * The eigenvalues (and, if {@code vectors}, eigenvectors) of the symmetric column-major
     * {@code n x n} matrix {@code a} (not modified), read from its lower triangle.
     *
     * @throws KernelFailure if {@code a} holds a NaN or an infinity, or LAPACK does not converge
     */
    public static Result of(double[] a, int n, boolean vectors) {
        requireNonNull(a, "a is null");
        if (n < 1 || (long) n * n != a.length) {
            throw new IllegalArgumentException("a must hold " + n + "x" + n + " values, got " + a.length);
        }
        for (double x : a) {
            if (!Double.isFinite(x)) {
                throw new KernelFailure("eigh: the " + n + "x" + n + " matrix holds a NaN or an infinity");
            }
        }
        double[] work = a.clone();
        double[] w = new double[n];
        int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_COL_MAJOR, (byte) (vectors ? 'V' : 'N'), (byte) 'L', n, work, n, w);
        if (info != 0) {
            throw new KernelFailure("eigh: LAPACK dsyevd " + (info > 0 ? "did not converge" : "rejected argument " + -info)
                    + " on a " + n + "x" + n + " matrix");
        }
        return new Result(n, w, vectors ? work : null);
    }
}
