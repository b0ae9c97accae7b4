package org.wren4j.exec.kernels;

import java.util.function.ToIntFunction;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.openblas.global.openblas;

/**
 * The single-call baseline a distributed run is compared with: ONE LAPACK/BLAS call on the whole
 * matrix, on {@code threads} OpenBLAS threads, timed the way the fastest single call would be
 * measured. Operands are copied off-heap once, outside the clock; each repetition restores the
 * input (outside the clock) and times only the call; the best repetition is kept. The first call
 * warms OpenBLAS's thread pool and is timed like the others.
 */
public final class SingleCall {
    /** Repetitions a baseline keeps the best of. */
    public static final int DEFAULT_REPETITIONS = 3;

    /**
     * @param seconds the fastest repetition, in seconds
     * @param threads the OpenBLAS threads in use during the calls, as OpenBLAS reports them
     * @param repetitions how many calls were timed
     */
    public record Timing(double seconds, int threads, int repetitions) {
    }

    private SingleCall() {
    }

    /** {@code dpotrf} (lower) of the SPD column-major {@code n x n} {@code a}. */
    public static Timing potrf(double[] a, int n, int threads, int repetitions) {
        return timeInPlace(a, (long) n * n, threads, repetitions, p -> openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, p, n),
                "dpotrf: the matrix is not positive definite");
    }

    /** {@code dgeqrf} of the column-major {@code m x n} {@code a}. */
    public static Timing geqrf(double[] a, int m, int n, int threads, int repetitions) {
        try (DoublePointer tau = new DoublePointer(Math.min(m, n))) {
            return timeInPlace(a, (long) m * n, threads, repetitions, p -> openblas.LAPACKE_dgeqrf(openblas.LAPACK_COL_MAJOR, m, n, p, m, tau), "dgeqrf");
        }
    }

    /** {@code dgetrf} (partial pivoting) of the column-major {@code m x n} {@code a}. */
    public static Timing getrf(double[] a, int m, int n, int threads, int repetitions) {
        try (IntPointer ipiv = new IntPointer(Math.min(m, n))) {
            return timeInPlace(a, (long) m * n, threads, repetitions, p -> openblas.LAPACKE_dgetrf(openblas.LAPACK_COL_MAJOR, m, n, p, m, ipiv),
                    "dgetrf: the matrix is singular");
        }
    }

    /** {@code dgemm}: {@code A B} for column-major {@code m x k} A and {@code k x n} B. */
    public static Timing gemm(double[] a, double[] b, int m, int k, int n, int threads, int repetitions) {
        check(a, (long) m * k, "a");
        check(b, (long) k * n, "b");
        try (DoublePointer pa = new DoublePointer(a); DoublePointer pb = new DoublePointer(b); DoublePointer pc = new DoublePointer((long) m * n)) {
            return timed(threads, repetitions, () -> {
            }, () -> {
                openblas.cblas_dgemm(openblas.CblasColMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k, 1.0, pa, m, pb, k, 0.0, pc, m);
                return 0;
            }, "dgemm");
        }
    }

    private static Timing timeInPlace(double[] a, long size, int threads, int repetitions, ToIntFunction<DoublePointer> call, String failure) {
        check(a, size, "a");
        try (DoublePointer p = new DoublePointer(size)) {
            return timed(threads, repetitions, () -> p.put(a), () -> call.applyAsInt(p), failure);
        }
    }

    private static Timing timed(int threads, int repetitions, Runnable restore, java.util.function.IntSupplier call, String failure) {
        if (threads < 1 || repetitions < 1) {
            throw new IllegalArgumentException("threads and repetitions must be >= 1, got " + threads + " and " + repetitions);
        }
        openblas.blas_set_num_threads(threads);
        try {
            int inUse = openblas.blas_get_num_threads();
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r < repetitions; r++) {
                restore.run();
                long t0 = System.nanoTime();
                int info = call.getAsInt();
                long t1 = System.nanoTime();
                if (info != 0) {
                    throw new SingularInputException(failure + " (info " + info + ")");
                }
                best = Math.min(best, (t1 - t0) / 1e9);
            }
            return new Timing(best, inUse, repetitions);
        } finally {
            openblas.blas_set_num_threads(1);
        }
    }

    private static void check(double[] a, long size, String name) {
        if (a == null || a.length != size) {
            throw new IllegalArgumentException(name + " must hold " + size + " values, got " + (a == null ? "null" : a.length));
        }
    }
}
