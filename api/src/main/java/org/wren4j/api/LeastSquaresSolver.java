package org.wren4j.api;

import java.util.List;
import org.wren4j.exec.kernels.DenseSvd;
import org.wren4j.exec.kernels.KernelFailure;

/**
 * {@code lstsq} as numpy computes it (minimum norm, singular values at or below
 * {@code rcond * s_max} treated as zero), from the R of a QR on the cluster and an SVD of R on
 * the client. Job 1 computes R (TSQR/CAQR) and {@code A^T b} in one program; the client takes
 * {@code R = U S V^T}, keeps the r singular values above the cut-off and forms
 * {@code x = V_r S_r^-2 V_r^T A^T b}, the truncated pseudo-inverse of {@code A^T A = R^T R}.
 * These semi-normal equations lose accuracy as {@code kappa^2}, so each further job computes
 * {@code b - A x}, its column norms and {@code A^T (b - A x)}, and the client adds the same
 * pseudo-inverse of the latter (corrected semi-normal equations, Bjorck 1987): one correction
 * reaches QR accuracy when {@code kappa_r = s_1 / s_r} is modest, a few more up to about 1e7;
 * beyond that the corrections stop shrinking and the solve fails, naming an rcond that works,
 * rather than return an inaccurate x. Truncation never divides by a tiny singular value, so
 * a rank-deficient A gives numpy's minimum-norm answer instead of one of norm 1e16.
 */
final class LeastSquaresSolver {
    /** Refinement jobs at most; each halves the error at least or the solve fails. */
    static final int MAX_CORRECTIONS = 5;
    /** Largest n x k solution finished on the client. */
    static final long MAX_CLIENT_VALUES = 1L << 27;
    private static final double EPS = Math.ulp(1.0);
    /** Relative error, in units of the least-squares scale, below which a correction need not be followed by another. */
    private static final double ENOUGH = 1e-8;

    /** A finished solve; residuals are the squared column norms of b - A x (zeros for rank 0). */
    record Outcome(BlockMatrix solution, double[] residuals, int rank, double[] singularValues, int corrections) {
    }

    private LeastSquaresSolver() {
    }

    static Outcome solve(BlockMatrix a, BlockMatrix b, double rcond) {
        if (a.shape().rows() < a.shape().cols()) {
            return wide(a, b, rcond);
        }
        Wren wren = a.session();
        int n = Math.toIntExact(a.shape().cols());
        int k = Math.toIntExact(b.shape().cols());
        int block = a.blockSize();
        // A and b stored once (free when they already are): every correction reads them again
        List<BlockMatrix> first = wren.compute(a, b, a.qr(), a.T().matmul(b));
        BlockMatrix as = first.get(0);
        BlockMatrix bs = first.get(1);
        double[] r = upper(first.get(2).toColumnMajor(), n);
        DenseSvd.Result svd = svd(r, n);
        double[] s = svd.s();
        int rank = rank(s, rcond);
        double[] x = pseudoInverse(svd, rank, first.get(3).toColumnMajor(), k);
        double[] residuals = new double[k];
        int corrections = 0;
        if (rank > 0) {
            double kappa = s[0] / s[rank - 1];
            double previous = Double.POSITIVE_INFINITY;
            while (true) {
                BlockMatrix xm = wren.fromArray(TileIo.rowMajor(x, n, k), block);
                BlockMatrix res = bs.minus(as.matmul(xm));
                List<BlockMatrix> out = wren.compute(as.T().matmul(res), res.norm(Axis.COLUMNS));
                double[] g = out.get(0).toColumnMajor();
                double[] resNorms = out.get(1).toColumnMajor();
                double[] dx = pseudoInverse(svd, rank, g, k);
                corrections++;
                for (int i = 0; i < x.length; i++) {
                    x[i] += dx[i];
                }
                residualsAfter(residuals, resNorms, dx, g, r, n, k);
                double step = norm(dx);
                // error left ~ kappa^2 eps |dx|; enough when below the least-squares scale |x| + kappa |r| / s_1
                double scale = norm(x) + kappa * norm(resNorms) / s[0];
                if (kappa * kappa * EPS * step <= Math.max(EPS * kappa, ENOUGH) * scale) {
                    break;
                }
                if (corrections == MAX_CORRECTIONS || step > previous / 2) {
                    throw notConverged(a, kappa, corrections);
                }
                previous = step;
            }
        }
        BlockMatrix solution = wren.fromArray(TileIo.rowMajor(x, n, k), block);
        return new Outcome(solution, residuals, rank, s, corrections);
    }

    /**
     * An underdetermined (wide, m &lt; n) A: one job computes the thin Q and R of
     * {@code A^T = Q R}, so {@code A = R^T Q^T}; the client takes {@code R = U S V^T} and forms the
     * m x m {@code W = U_r S_r^-1 V_r^T} over the kept singular values, and a second job computes
     * {@code x = Q (W b)}: numpy's minimum-norm solution {@code pinv(A) b}, in the range of Q
     * (of A^T), with an error of about {@code kappa_r eps} (no normal equations).
     */
    private static Outcome wide(BlockMatrix a, BlockMatrix b, double rcond) {
        Wren wren = a.session();
        int m = Math.toIntExact(a.shape().rows());
        int k = Math.toIntExact(b.shape().cols());
        QrFactors f = a.T().qrFactors().compute();
        DenseSvd.Result svd = svd(upper(f.r().toColumnMajor(), m), m);
        double[] s = svd.s();
        int rank = rank(s, rcond);
        double[] u = svd.u();
        double[] vt = svd.vt();
        double[][] w = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double v = 0;
                for (int q = 0; q < rank; q++) {
                    v += u[q * m + i] * vt[j * m + q] / s[q];
                }
                w[i][j] = v;
            }
        }
        BlockMatrix x = f.q().matmul(wren.fromArray(w, a.blockSize()).matmul(b)).compute();
        return new Outcome(x, new double[k], rank, s, 0);
    }

    /** The n x n A the client can hold, and its n x k solution; checked before any job runs. */
    static void checkClientSize(String op, long n, long k) {
        if (n > BandSvd.MAX_N) {
            throw new WrenException(op + ": the SVD of R runs on the client, up to n = " + BandSvd.MAX_N
                    + " columns of A; this A has " + n + " (for a square A of full rank use solve)");
        }
        if (n * k > MAX_CLIENT_VALUES) {
            throw new WrenException(op + ": the " + n + "x" + k + " solution is finished on the client, up to "
                    + MAX_CLIENT_VALUES + " values; solve for fewer columns of b at a time");
        }
    }

    private static DenseSvd.Result svd(double[] r, int n) {
        try {
            return DenseSvd.of(r, n, n);
        } catch (KernelFailure e) {
            throw new WrenException("lstsq: the SVD of R from A's QR failed (" + e.getMessage() + ")", e);
        }
    }

    /** R with its strict lower triangle zero, whatever the stored tiles hold there. */
    private static double[] upper(double[] r, int n) {
        for (int c = 0; c < n; c++) {
            for (int i = c + 1; i < n; i++) {
                r[c * n + i] = 0;
            }
        }
        return r;
    }

    /** numpy's (and LAPACK gelsd's) numerical rank: the singular values above {@code rcond * s_max}. */
    static int rank(double[] s, double rcond) {
        double cutoff = rcond * s[0];
        int rank = 0;
        while (rank < s.length && s[rank] > cutoff) {
            rank++;
        }
        return rank;
    }

    /** {@code V_r S_r^-2 V_r^T y} for the n x k column-major y: the truncated pseudo-inverse of R^T R. */
    private static double[] pseudoInverse(DenseSvd.Result svd, int rank, double[] y, int k) {
        int n = svd.n();
        double[] vt = svd.vt();
        double[] s = svd.s();
        double[] out = new double[n * k];
        double[] t = new double[rank];
        for (int j = 0; j < k; j++) {
            int col = j * n;
            for (int i = 0; i < rank; i++) {
                double d = 0;
                for (int q = 0; q < n; q++) {
                    d += vt[q * n + i] * y[col + q];
                }
                t[i] = d / s[i] / s[i];
            }
            for (int q = 0; q < n; q++) {
                double d = 0;
                for (int i = 0; i < rank; i++) {
                    d += vt[q * n + i] * t[i];
                }
                out[col + q] = d;
            }
        }
        return out;
    }

    /**
     * {@code ||b - A (x + dx)||^2} per column from the job's {@code ||b - A x||} and
     * {@code g = A^T (b - A x)}: {@code |res|^2 - 2 dx.g + |R dx|^2}, as {@code A^T A = R^T R}.
     */
    private static void residualsAfter(double[] out, double[] resNorms, double[] dx, double[] g, double[] r, int n, int k) {
        for (int j = 0; j < k; j++) {
            int col = j * n;
            double dot = 0;
            double rdx = 0;
            for (int i = 0; i < n; i++) {
                dot += dx[col + i] * g[col + i];
                double row = 0;
                for (int q = i; q < n; q++) {
                    row += r[q * n + i] * dx[col + q];
                }
                rdx += row * row;
            }
            out[j] = Math.max(0, resNorms[j] * resNorms[j] - 2 * dot + rdx);
        }
    }

    private static WrenException notConverged(BlockMatrix a, double kappa, int corrections) {
        return new WrenException(String.format("lstsq: the refinement did not converge after %d corrections: the kept singular "
                + "values of the %s A span s_max / s_min = %.1e, beyond what the semi-normal equations resolve (about 1e7); "
                + "pass rcond = 1e-7 (or larger) to lstsq to treat the smaller ones as zero", corrections, a.shape(), kappa));
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
