package org.wren4j.api;

import static java.util.Objects.requireNonNull;


/**
 * The result of {@link BlockMatrix#lstsq(BlockMatrix)}, with numpy's {@code numpy.linalg.lstsq}
 * meaning: the minimum-norm {@link #solution()} x of {@code min ||A x - b||_2}, the
 * {@link #residuals()}, the numerical {@link #rank()} and A's {@link #singularValues()}.
 * Singular values {@code s_i <= rcond * s_max} count as zero; the default
 * {@code rcond = eps * max(m, n)} is numpy's.
 *
 * <p>Lazy: nothing runs until one of the accessors is called; the first one runs the jobs
 * (see {@link BlockMatrix#lstsq(BlockMatrix, double)}) and every accessor afterwards reads the
 * same result.
 */
public final class LeastSquares {
    private final BlockMatrix a;
    private final BlockMatrix b;
    private final double rcond;
    private LeastSquaresSolver.Outcome outcome;

    private LeastSquares(BlockMatrix a, BlockMatrix b, double rcond) {
        this.a = a;
        this.b = b;
        this.rcond = rcond;
    }

    /** The lazy solve of {@code a x = b}; every argument is checked here, before any job. */
    static LeastSquares of(BlockMatrix a, BlockMatrix b, double rcond) {
        requireNonNull(a, "a is null");
        requireNonNull(b, "b is null");
        if (!(rcond >= 0) || Double.isInfinite(rcond)) {
            throw new IllegalArgumentException("lstsq: rcond must be finite and >= 0, got " + rcond);
        }
        if (b.shape().rows() != a.shape().rows()) {
            throw new ShapeException("lstsq: A is " + a.shape() + " but b is " + b.shape()
                    + "; b needs as many rows as A (" + a.shape().rows() + ")");
        }
        // the shape and block checks of the expressions the solve runs
        a.T().matmul(b);
        if (a.shape().rows() >= a.shape().cols()) {
            a.qr();
            LeastSquaresSolver.checkClientSize("lstsq", a.shape().cols(), b.shape().cols());
        } else {
            // a wide A: the client holds the m x m R of A^T's QR, the solution stays on the cluster
            a.T().qr();
            LeastSquaresSolver.checkClientSize("lstsq", a.shape().rows(), 1);
        }
        return new LeastSquares(a, b, rcond);
    }

    /** numpy's default cut-off ratio for an {@code m x n} A: machine epsilon times the larger dimension. */
    public static double defaultRcond(long m, long n) {
        return Math.ulp(1.0) * Math.max(m, n);
    }

    /** The cut-off ratio this solve uses: singular values at or below {@code rcond * s_max} count as zero. */
    public double rcond() {
        return rcond;
    }

    /**
     * Runs the solve (if not yet run).
     *
     * @return this result, now computed
     * @throws WrenException if a job fails, the refinement does not converge (A too
     *     ill-conditioned for its kept singular values; the message says which rcond would do),
     *     or A has more than {@value BandSvd#MAX_N} columns
     */
    public LeastSquares compute() {
        outcome();
        return this;
    }

    /**
     * The {@code n x k} minimum-norm least-squares solution (computing first if needed): among
     * the x that minimise {@code ||A x - b||} with A's singular values below the cut-off set to
     * zero, the one of least norm; the unique solution when A has full column rank.
     */
    public BlockMatrix solution() {
        return outcome().solution();
    }

    /**
     * numpy's residuals (computing first if needed): the squared 2-norm of each column of
     * {@code b - A x}, or an empty array when {@link #rank()} is below n or A has no more rows
     * than columns.
     */
    public double[] residuals() {
        LeastSquaresSolver.Outcome o = outcome();
        return o.rank() < a.shape().cols() || a.shape().rows() <= a.shape().cols() ? new double[0] : o.residuals().clone();
    }

    /** The numerical rank (computing first if needed): the singular values above {@code rcond * s_max}. */
    public int rank() {
        return outcome().rank();
    }

    /** A's singular values, descending (computing first if needed): those of the R of its QR factorization. */
    public double[] singularValues() {
        return outcome().singularValues().clone();
    }

    /** Refinement steps the solve took (1 for a well-conditioned A): for tests. */
    int corrections() {
        return outcome().corrections();
    }

    private synchronized LeastSquaresSolver.Outcome outcome() {
        if (outcome == null) {
            outcome = LeastSquaresSolver.solve(a, b, rcond);
        }
        return outcome;
    }

    @Override
    public String toString() {
        LeastSquaresSolver.Outcome o;
        synchronized (this) {
            o = outcome;
        }
        return "LeastSquares[A " + a.shape() + ", b " + b.shape() + ", rcond " + rcond
                + (o == null ? ", not computed]" : ", rank " + o.rank() + ", " + o.corrections() + " corrections]");
    }
}
