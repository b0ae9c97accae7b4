package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.plan.Dense;

/**
 * svd(k) and svdRandomized against an independent dense reference (one-sided Jacobi on the
 * whole matrix, {@link DenseReference#singularValues}) and against the definitions: orthonormal
 * u and vt, {@code A v_i = s_i u_i} and {@code A^T u_i = s_i v_i}, reconstruction error equal to
 * the best rank-k error {@code sqrt(sum_{i > k} s_i^2)}, and the documented sign rule; on
 * ragged grids, blocks larger than the matrix, 1x1, one-row and wide matrices.
 */
class SvdFactorsTest extends EmbeddedSessionTest {
    private final Random random = new Random(31);

    /** m, n, block, k. */
    private static final int[][] CASES = {{1, 1, 1, 1}, {9, 3, 4, 2}, {13, 4, 4, 4}, {5, 3, 8, 3}, {7, 7, 3, 5}, {11, 5, 2, 1},
            {12, 8, 4, 8}, {1, 6, 4, 1}, {4, 9, 3, 3}, {5, 7, 8, 5}, {6, 1, 4, 1}};

    @Test
    void exactFactorsMatchTheDenseReference() {
        for (int[] c : CASES) {
            int m = c[0];
            int n = c[1];
            int k = c[3];
            double[][] a = Dense.random(random, m, n);
            String as = m + "x" + n + " block " + c[2] + " k " + k;
            SvdFactors f = wren.fromArray(a, c[2]).svd(k);
            assertFactors(as, a, f, k, 1e-12);
        }
    }

    @Test
    void allTripletsAndTheTransposeHaveTransposedFactorsWithTheSameSigns() {
        double[][] a = Dense.random(random, 10, 6);
        SvdFactors f = wren.fromArray(a, 4).svd();
        SvdFactors g = wren.fromArray(Dense.t(a), 4).svd();
        assertThat(f.k()).isEqualTo(6);
        assertFactors("10x6 all", a, f, 6, 1e-12);
        assertFactors("6x10 all", Dense.t(a), g, 6, 1e-12);
        // 1e-12: the same QR of the same matrix, so only the lazy products' roundings differ
        assertThat(DenseMath.maxDiff(g.u().toArray(), Dense.t(f.vt().toArray()))).isLessThan(1e-12);
        assertThat(DenseMath.maxDiff(g.vt().toArray(), Dense.t(f.u().toArray()))).isLessThan(1e-12);
    }

    @Test
    void rankDeficientMatrixReconstructsExactly() {
        // rank 2: the third singular value is zero, and the rank-2 truncation is A itself
        double[][] x = Dense.random(random, 11, 2);
        double[][] y = Dense.random(random, 2, 5);
        double[][] a = Dense.mul(x, y);
        SvdFactors f = wren.fromArray(a, 3).svd(3);
        assertThat(f.s()[2]).as("third singular value of a rank-2 matrix").isLessThan(1e-14 * f.s()[0]);
        double[][] two = reconstruct(f, 2);
        assertThat(DenseMath.maxDiff(two, a)).as("rank-2 truncation").isLessThan(1e-13);
    }

    @Test
    void badKIsRefused() {
        BlockMatrix a = wren.fromArray(Dense.random(random, 4, 3), 2);
        assertThatThrownBy(() -> a.svd(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 3");
        assertThatThrownBy(() -> a.svd(4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 3");
        assertThatThrownBy(() -> a.svdRandomized(2, -1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oversample");
        assertThatThrownBy(() -> a.svdRandomized(2, 1, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("powerIterations");
    }

    @Test
    void randomizedMatchesExactOnDecayingSpectra() {
        // m, n, block, k, oversample, power iterations, decay ratio of consecutive singular values
        double[][] cases = {{60, 20, 7, 5, 5, 2, 0.5}, {23, 23, 5, 4, 4, 1, 0.3}, {17, 40, 6, 3, 10, 2, 0.6}, {30, 12, 64, 2, 3, 0, 0.01},
                {40, 16, 16, 6, 6, 3, 0.8}};
        for (double[] c : cases) {
            int m = (int) c[0];
            int n = (int) c[1];
            int k = (int) c[3];
            int p = Math.min(m, n);
            double[] s = new double[p];
            for (int i = 0; i < p; i++) {
                s[i] = 3 * Math.pow(c[6], i);
            }
            double[][] a = TestSpectra.withSingularValues(random, m, n, s);
            String as = m + "x" + n + " block " + (int) c[2] + " k " + k + " p " + (int) c[4] + " q " + (int) c[5] + " decay " + c[6];
            BlockMatrix x = wren.fromArray(a, (int) c[2]);
            long before = wren.jobsStarted();
            SvdFactors f = x.svdRandomized(k, (int) c[4], (int) c[5], 42);
            assertThat(wren.jobsStarted() - before).as(as + ": products, QRs and Q^T A in one job").isEqualTo(1);
            double[] exact = DenseReference.singularValues(DenseMath.colMajor(a), m, n);
            double best = tail(exact, k);
            double err = DenseMath.fro(Dense.minus(a, reconstruct(f, k)));
            // orthonormal factors to rounding; values and error within 1% of the optimum: the
            // spectra decay fast enough past k + oversample that HMT's bounds are far below that
            assertOrthonormal(as, f, k, 1e-12);
            for (int i = 0; i < k; i++) {
                assertThat(f.s()[i]).as(as + " s" + i).isCloseTo(exact[i], offset(1e-2 * exact[i]));
            }
            assertThat(err).as(as + " error vs best rank-k " + best).isLessThanOrEqualTo(1.01 * best + 1e-13);
        }
    }

    @Test
    void randomizedIsSeededAndApproachesExactWithPowerIterations() {
        double[] s = new double[15];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1.0 / (1 + i);
        }
        double[][] a = TestSpectra.withSingularValues(random, 45, 15, s);
        BlockMatrix x = wren.fromArray(a, 6);
        double[] first = x.svdRandomized(3, 2, 1, 7).s();
        assertThat(x.svdRandomized(3, 2, 1, 7).s()).as("same seed").containsExactly(first);
        assertThat(x.svdRandomized(3, 2, 1, 8).s()).as("another seed").isNotEqualTo(first);
        // slow decay (1/i): without power iterations the first values are low by percents, with 4 they are within 1e-3
        double[] none = x.svdRandomized(3, 2, 0, 7).s();
        double[] four = x.svdRandomized(3, 2, 4, 7).s();
        for (int i = 0; i < 3; i++) {
            assertThat(Math.abs(four[i] - s[i])).as("s" + i + " with 4 power iterations").isLessThan(1e-3 * s[i])
                    .isLessThanOrEqualTo(Math.abs(none[i] - s[i]));
        }
    }

    private static double tail(double[] s, int k) {
        double t = 0;
        for (int i = k; i < s.length; i++) {
            t += s[i] * s[i];
        }
        return Math.sqrt(t);
    }

    private static double[][] reconstruct(SvdFactors f, int k) {
        double[][] u = f.u().toArray();
        double[][] vt = f.vt().toArray();
        double[] s = f.s();
        double[][] out = new double[u.length][vt[0].length];
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < vt[0].length; j++) {
                for (int q = 0; q < k; q++) {
                    out[i][j] += u[i][q] * s[q] * vt[q][j];
                }
            }
        }
        return out;
    }

    private static void assertOrthonormal(String as, SvdFactors f, int k, double tol) {
        double[][] u = f.u().toArray();
        double[][] vt = f.vt().toArray();
        assertThat(u[0].length).isEqualTo(k);
        assertThat(vt.length).isEqualTo(k);
        assertThat(Dense.maxAbs(Dense.minus(Dense.mul(Dense.t(u), u), Dense.eye(k, k)))).as(as + " U^T U - I").isLessThan(tol);
        assertThat(Dense.maxAbs(Dense.minus(Dense.mul(vt, Dense.t(vt)), Dense.eye(k, k)))).as(as + " Vt Vt^T - I").isLessThan(tol);
    }

    /** Values against Jacobi, orthonormality, the triplet equations, best rank-k error and the sign rule; entries of a are below 1. */
    private static void assertFactors(String as, double[][] a, SvdFactors f, int k, double tol) {
        int m = a.length;
        int n = a[0].length;
        double[] want = DenseReference.singularValues(DenseMath.colMajor(a), m, n);
        assertThat(f.s()).as(as + " s").containsExactly(java.util.Arrays.copyOf(want, k), offset(tol));
        assertOrthonormal(as, f, k, tol);
        double[][] u = f.u().toArray();
        double[][] vt = f.vt().toArray();
        double[] s = f.s();
        // A v_i = s_i u_i and A^T u_i = s_i v_i
        double[][] av = Dense.mul(a, Dense.t(vt));
        double[][] atu = Dense.mul(Dense.t(a), u);
        for (int i = 0; i < k; i++) {
            for (int r = 0; r < m; r++) {
                assertThat(av[r][i]).as(as + " A v" + i).isCloseTo(s[i] * u[r][i], offset(tol * Math.max(1, m)));
            }
            for (int j = 0; j < n; j++) {
                assertThat(atu[j][i]).as(as + " A^T u" + i).isCloseTo(s[i] * vt[i][j], offset(tol * Math.max(1, m)));
            }
            // the sign rule: the largest-magnitude entry along the smaller dimension is positive
            double big = 0;
            if (m >= n) {
                for (double v : vt[i]) {
                    big = Math.abs(v) > Math.abs(big) ? v : big;
                }
            } else {
                for (double[] row : u) {
                    big = Math.abs(row[i]) > Math.abs(big) ? row[i] : big;
                }
            }
            assertThat(big).as(as + " sign of triplet " + i).isPositive();
        }
        assertThat(DenseMath.fro(Dense.minus(a, reconstruct(f, k)))).as(as + " error vs the best rank-k")
                .isCloseTo(tail(want, k), offset(tol * 10 * Math.max(m, n)));
    }
}
