package org.wren4j.api;

import java.util.List;
import org.wren4j.exec.kernels.DenseSvd;
import org.wren4j.exec.kernels.KernelFailure;

/**
 * Singular vectors. Exact: one job computes the thin Q and R of A (of A^T for a wide A), the
 * client takes the SVD of the n x n R (n the smaller dimension) and {@code U = Q U_R}, a lazy
 * product. Randomized (Halko, Martinsson and Tropp 2011, algorithms 4.4 and 5.1): a seeded
 * zero-mean test matrix of {@code l = k + oversample} columns, the range of {@code A Omega}
 * refined by power iterations with a QR between products (so the spectrum's decay does not
 * drown the small directions in rounding), then the client takes the SVD of the {@code l x n}
 * {@code B = Q^T A}: the client holds l x n values, the cluster everything of size m. The
 * products, every TSQR/CAQR and B are ONE lazy expression, so they run as one job.
 */
final class SvdSolver {
    private SvdSolver() {
    }

    static SvdFactors exact(BlockMatrix a, int k) {
        BandSvd.checkK(k, a.shape());
        if (a.rows() < a.cols()) {
            return exact(a.T(), k).transposed();
        }
        int n = Math.toIntExact(a.cols());
        if (n > BandSvd.MAX_N) {
            throw new WrenException("svd: the SVD of R runs on the client, up to " + BandSvd.MAX_N + " columns (the smaller "
                    + "dimension); this matrix is " + a.shape() + "; svdRandomized finds the largest k without that limit");
        }
        QrFactors f = a.qrFactors().compute();
        return lift(f.q(), dense("svd: the SVD of R from the matrix's QR", f.r().toColumnMajor(), n, n), k, a.blockSize());
    }

    static SvdFactors randomized(BlockMatrix a, int k, int oversample, int powerIterations, long seed) {
        BandSvd.checkK(k, a.shape());
        if (oversample < 0) {
            throw new IllegalArgumentException("svdRandomized: oversample must be >= 0, got " + oversample);
        }
        if (powerIterations < 0) {
            throw new IllegalArgumentException("svdRandomized: powerIterations must be >= 0, got " + powerIterations);
        }
        if (a.rows() < a.cols()) {
            return randomized(a.T(), k, oversample, powerIterations, seed).transposed();
        }
        long n = a.cols();
        int l = (int) Math.min((long) k + oversample, n);
        if ((long) l * n > LeastSquaresSolver.MAX_CLIENT_VALUES) {
            throw new WrenException("svdRandomized: the client takes the SVD of a " + l + "x" + n + " matrix (k + oversample "
                    + "by the smaller dimension), above " + LeastSquaresSolver.MAX_CLIENT_VALUES + " values; ask for fewer");
        }
        Wren wren = a.session();
        BlockMatrix omega = wren.random(n, l, a.blockSize(), seed).minus(0.5);
        BlockMatrix q = orthonormal(a.matmul(omega));
        for (int i = 0; i < powerIterations; i++) {
            q = orthonormal(a.matmul(orthonormal(a.T().matmul(q))));
        }
        // the whole chain of products and QRs, and B, in ONE job; Q stored for U = Q U_B
        List<BlockMatrix> out = wren.compute(q, q.T().matmul(a));
        double[] b = out.get(1).toColumnMajor();
        return lift(out.get(0), dense("svdRandomized: the SVD of Q^T A", b, l, Math.toIntExact(n)), k, a.blockSize());
    }

    /** The thin Q of {@code y}'s QR, lazy. */
    private static BlockMatrix orthonormal(BlockMatrix y) {
        return y.qrFactors().q();
    }

    private static DenseSvd.Result dense(String op, double[] a, int m, int n) {
        try {
            return DenseSvd.of(a, m, n);
        } catch (KernelFailure e) {
            throw Errors.kernel(op, e);
        }
    }

    /**
     * {@code (q U_small[:, :k], s[:k], Vt[:k, :])} from the SVD of the small {@code q^T A}, each
     * triplet's sign flipped so that the largest-magnitude entry of its row of vt is positive.
     */
    static SvdFactors lift(BlockMatrix q, DenseSvd.Result svd, int k, int block) {
        int m = svd.m();
        int n = svd.n();
        int p = Math.min(m, n);
        double[] u = svd.u();
        double[] vt = svd.vt();
        double[][] uk = new double[m][k];
        double[][] vk = new double[k][n];
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            int big = 0;
            for (int j = 1; j < n; j++) {
                if (Math.abs(vt[j * p + i]) > Math.abs(vt[big * p + i])) {
                    big = j;
                }
            }
            double sign = vt[big * p + i] < 0 ? -1 : 1;
            for (int r = 0; r < m; r++) {
                uk[r][i] = sign * u[i * m + r];
            }
            for (int j = 0; j < n; j++) {
                vk[i][j] = sign * vt[j * p + i];
            }
            s[i] = svd.s()[i];
        }
        Wren wren = q.session();
        return new SvdFactors(q.matmul(wren.fromArray(uk, block)), s, wren.fromArray(vk, block));
    }
}
