package org.wren4j.api;

import java.util.List;
import org.wren4j.exec.kernels.DenseSvd;
import org.wren4j.exec.kernels.KernelFailure;
import org.wren4j.planner.expr.Diagonal;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Lu;
import org.wren4j.planner.expr.LuPermute;
import org.wren4j.planner.expr.MatrixExpr;

/**
 * The scalar functions of a matrix that numpy's {@code linalg} has (det, slogdet, norm, cond,
 * matrix_rank) and pinv. Each runs its job on the cluster and brings only a small part to the
 * client: the n values of U's diagonal and the permutation for the determinant, the singular
 * values for the spectral quantities, the n x n R of a QR for the pseudo-inverse.
 */
final class MatrixFunctions {
    /** numpy's default cut-off ratio of {@code pinv}. */
    static final double PINV_RCOND = 1e-15;
    private static final double EPS = Math.ulp(1.0);

    private MatrixFunctions() {
    }

    /** U's diagonal and the sign of the row permutation of an LU; {@code d} is empty for an exactly singular matrix. */
    private record Pivots(double[] d, double sign) {
    }

    /**
     * One LU job, of which the client reads U's diagonal and the permutation (2n values). An
     * exactly zero pivot (the LU job's "singular") is a singular matrix, not an error.
     */
    private static Pivots pivots(BlockMatrix a, String op) {
        if (!a.shape().isSquare()) {
            throw new ShapeException(op + ": needs a square matrix, this one is " + a.shape());
        }
        Wren wren = a.session();
        // stored first, so that a singular failure of the job below can only be the LU's
        MatrixExpr stored = a.compute().current();
        int n = Math.toIntExact(a.shape().rows());
        double[][] index = new double[n][1];
        for (int r = 0; r < n; r++) {
            index[r][0] = r;
        }
        MatrixExpr rows = wren.fromArray(index, a.blockSize()).current();
        List<Leaf> out;
        try {
            out = wren.evaluateAll(List.of(new Diagonal(new Lu(stored, Lu.Part.U)), new LuPermute(stored, rows)));
        } catch (SingularMatrixException e) {
            return new Pivots(new double[0], 0);
        }
        double[] d = wren.io().readColumnMajor(out.get(0));
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(d[i])) {
                String message = op + ": pivot " + i + " of the LU of the " + a.shape() + " matrix is " + d[i]
                        + ": the matrix holds a NaN or an infinity, or its LU overflowed";
                throw new NonFiniteException(message, message, null);
            }
            if (d[i] == 0) {
                return new Pivots(new double[0], 0);
            }
        }
        return new Pivots(d, permutationSign(wren.io().readColumnMajor(out.get(1))));
    }

    /** numpy's slogdet: the sign and the sum of the logs of the pivots' magnitudes. */
    static SlogDet slogdet(BlockMatrix a) {
        Pivots p = pivots(a, "slogdet");
        if (p.sign() == 0) {
            return new SlogDet(0, Double.NEGATIVE_INFINITY);
        }
        double sign = p.sign();
        double log = 0;
        for (double v : p.d()) {
            sign *= Math.signum(v);
            log += Math.log(Math.abs(v));
        }
        return new SlogDet(sign, log);
    }

    /** numpy's det: the product of the pivots, so it overflows or underflows where they do. */
    static double det(BlockMatrix a) {
        Pivots p = pivots(a, "det");
        double det = p.sign();
        for (double v : p.d()) {
            det *= v;
        }
        return det;
    }

    /** numpy's {@code norm(a, ord)} of a matrix: 1 and inf from a reduction job, 2, -2 and nuc from the singular values. */
    static double norm(BlockMatrix a, Ord ord) {
        return switch (ord) {
            case FRO -> a.norm().item();
            case ONE -> a.map(Fn.ABS).sum(Axis.COLUMNS).max(Axis.ROWS).item();
            case NEG_ONE -> a.map(Fn.ABS).sum(Axis.COLUMNS).min(Axis.ROWS).item();
            case INF -> a.map(Fn.ABS).sum(Axis.ROWS).max(Axis.COLUMNS).item();
            case NEG_INF -> a.map(Fn.ABS).sum(Axis.ROWS).min(Axis.COLUMNS).item();
            case TWO -> a.singularValues(1)[0];
            case NEG_TWO -> {
                double[] s = a.singularValues();
                yield s[s.length - 1];
            }
            case NUC -> {
                double sum = 0;
                for (double v : a.singularValues()) {
                    sum += v;
                }
                yield sum;
            }
        };
    }

    /** numpy's {@code cond(a)}: {@code s_max / s_min}, infinite for a singular matrix (numpy turns its 0/0 into inf too). */
    static double cond(BlockMatrix a) {
        double[] s = a.singularValues();
        double c = s[0] / s[s.length - 1];
        return Double.isNaN(c) ? Double.POSITIVE_INFINITY : c;
    }

    /** numpy's default tolerance of {@code matrix_rank}: {@code s_max * max(m, n) * eps}. */
    static int matrixRank(BlockMatrix a) {
        double[] s = a.singularValues();
        return countAbove(s, s[0] * Math.max(a.rows(), a.cols()) * EPS);
    }

    static int matrixRank(BlockMatrix a, double tol) {
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("matrixRank: tol must be finite and >= 0, got " + tol);
        }
        return countAbove(a.singularValues(), tol);
    }

    private static int countAbove(double[] s, double tol) {
        int rank = 0;
        for (double v : s) {
            if (v > tol) {
                rank++;
            }
        }
        return rank;
    }

    /**
     * numpy's {@code pinv(a, rcond)}. For a square or tall A (a wide one through its transpose):
     * one job computes the thin Q and the R of {@code A = Q R}; the client takes
     * {@code R = U S V^T} and forms the n x n {@code W = V_r S_r^-1 U_r^T} over the singular
     * values above {@code rcond * s_max}; the result is the lazy {@code W Q^T}, so
     * {@code pinv(A) = R^+ Q^T} as accurately as the QR and the SVD of R (no normal equations).
     */
    static BlockMatrix pinv(BlockMatrix a, double rcond) {
        if (!(rcond >= 0) || Double.isInfinite(rcond)) {
            throw new IllegalArgumentException("pinv: rcond must be finite and >= 0, got " + rcond);
        }
        if (a.rows() < a.cols()) {
            return pinv(a.T(), rcond).T();
        }
        int n = Math.toIntExact(a.cols());
        if (n > BandSvd.MAX_N) {
            throw new WrenException("pinv: the SVD of R runs on the client, up to " + BandSvd.MAX_N
                    + " columns (the smaller dimension); this matrix is " + a.shape());
        }
        QrFactors f = a.qrFactors().compute();
        double[] r = f.r().toColumnMajor();
        DenseSvd.Result svd;
        try {
            svd = DenseSvd.of(r, n, n);
        } catch (KernelFailure e) {
            throw Errors.kernel("pinv: the SVD of R from the matrix's QR", e);
        }
        int rank = LeastSquaresSolver.rank(svd.s(), rcond);
        double[] u = svd.u();
        double[] vt = svd.vt();
        double[] s = svd.s();
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int k = 0; k < rank; k++) {
                    v += vt[i * n + k] * u[k * n + j] / s[k];
                }
                w[i][j] = v;
            }
        }
        return a.session().fromArray(w, a.blockSize()).matmul(f.q().T());
    }

    /** +1 for an even permutation, -1 for an odd one; {@code p[r]} is the source row of row r. */
    static double permutationSign(double[] p) {
        int n = p.length;
        boolean[] seen = new boolean[n];
        int transpositions = 0;
        for (int start = 0; start < n; start++) {
            if (seen[start]) {
                continue;
            }
            int length = 0;
            for (int r = start; !seen[r]; r = (int) p[r]) {
                seen[r] = true;
                length++;
            }
            transpositions += length - 1;
        }
        return transpositions % 2 == 0 ? 1 : -1;
    }
}
