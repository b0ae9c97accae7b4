package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.plan.Dense;

/**
 * det, slogdet, norm(ord), cond, matrixRank and pinv against naive dense math (Gaussian
 * elimination with partial pivoting; sums of absolute values; the Jacobi SVD of
 * {@link DenseLstsq}) on ragged grids, blocks larger than the matrix, 1x1 and 1-row grids.
 */
class MatrixFunctionsTest extends EmbeddedSessionTest {
    private final Random random = new Random(61);

    /** Square sizes and blocks: 1x1, block > n, ragged, aligned. */
    private static final int[][] SQUARE = {{1, 1}, {1, 4}, {5, 8}, {7, 3}, {12, 4}, {13, 5}};
    /** m, n, block: 1x1, one row, one column, ragged tall and wide, block > both. */
    private static final int[][] SHAPES = {{1, 1, 1}, {1, 9, 4}, {9, 1, 4}, {7, 5, 3}, {5, 7, 3}, {6, 4, 8}, {13, 6, 4}};

    /** The determinant by Gaussian elimination with partial pivoting on a copy. */
    static double denseDet(double[][] a0) {
        int n = a0.length;
        double[][] a = Arrays.stream(a0).map(double[]::clone).toArray(double[][]::new);
        double det = 1;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
                    p = i;
                }
            }
            if (a[p][k] == 0) {
                return 0;
            }
            if (p != k) {
                double[] t = a[p];
                a[p] = a[k];
                a[k] = t;
                det = -det;
            }
            det *= a[k][k];
            for (int i = k + 1; i < n; i++) {
                double f = a[i][k] / a[k][k];
                for (int j = k; j < n; j++) {
                    a[i][j] -= f * a[k][j];
                }
            }
        }
        return det;
    }

    /** Relative 1e-11: a few roundings per flop on n <= 13 uniform matrices (condition numbers below 1e3). */
    @Test
    void detAndSlogdetMatchGaussianElimination() {
        for (int[] c : SQUARE) {
            double[][] a = Dense.random(random, c[0], c[0]);
            double expected = denseDet(a);
            BlockMatrix m = wren.fromArray(a, c[1]);
            assertThat(m.det()).as("n %d block %d", c[0], c[1]).isCloseTo(expected, offset(1e-11 * Math.abs(expected)));
            SlogDet s = m.slogdet();
            assertThat(s.sign()).as("n %d block %d", c[0], c[1]).isEqualTo(Math.signum(expected));
            assertThat(s.logAbsDet()).isCloseTo(Math.log(Math.abs(expected)), offset(1e-11 * Math.max(1, Math.abs(Math.log(Math.abs(expected))))));
            assertThat(s.det()).isCloseTo(expected, offset(1e-10 * Math.abs(expected)));
        }
    }

    /** Integer matrices whose row swaps decide the sign: exact results. */
    @Test
    void detOfPermutationsAndTriangularIntegersIsExact() {
        double[][] p = {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}};
        double[][] swap = {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}};
        double[][] tri = {{2, 0, 0, 0}, {3, -1, 0, 0}, {1, 5, 4, 0}, {7, 7, 7, 0.5}};
        for (int block : new int[] {1, 2, 5}) {
            assertThat(wren.fromArray(p, block).det()).as("cyclic, block %d", block).isEqualTo(1.0);
            assertThat(wren.fromArray(swap, block).det()).as("one swap, block %d", block).isEqualTo(-1.0);
            assertThat(wren.fromArray(tri, block).det()).as("triangular, block %d", block).isEqualTo(-4.0);
            assertThat(wren.fromArray(swap, block).slogdet()).isEqualTo(new SlogDet(-1, 0));
        }
    }

    /** A zero column: the LU meets an exact zero pivot; numpy gives 0, sign 0 and -inf, and so must we (no error, no NaN). */
    @Test
    void singularMatricesHaveDeterminantZero() {
        for (int[] c : new int[][] {{12, 4}, {7, 3}, {5, 8}}) {
            BlockMatrix a = wren.fromArray(DenseMath.singular(random, c[0], c[0] / 2), c[1]);
            assertThat(a.det()).as("n %d block %d", c[0], c[1]).isEqualTo(0.0);
            assertThat(a.slogdet()).isEqualTo(new SlogDet(0, Double.NEGATIVE_INFINITY));
        }
        assertThat(wren.fromArray(new double[][] {{0}}, 1).det()).isEqualTo(0.0);
        // two equal rows: a zero or a rounding-sized pivot, as numpy's
        double[][] a = Dense.random(random, 9, 9);
        a[6] = a[2].clone();
        double det = wren.fromArray(a, 4).det();
        assertThat(Math.abs(det)).isLessThanOrEqualTo(1e-14);
        assertThat(det).isNotNaN();
    }

    @Test
    void detOfAnExpressionComputesItFirst() {
        double[][] a = Dense.random(random, 7, 7);
        double[][] b = Dense.random(random, 7, 7);
        double expected = denseDet(Dense.mul(a, b));
        assertThat(wren.fromArray(a, 3).matmul(wren.fromArray(b, 3)).det()).isCloseTo(expected, offset(1e-11 * Math.abs(expected)));
    }

    @Test
    void detRefusesNonSquareAndNaN() {
        assertThatThrownBy(() -> wren.fromArray(Dense.random(random, 3, 4), 2).det()).isInstanceOf(ShapeException.class)
                .hasMessage("det: needs a square matrix, this one is 3x4");
        assertThatThrownBy(() -> wren.fromArray(Dense.random(random, 4, 3), 2).slogdet()).isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("slogdet:");
        double[][] nan = Dense.random(random, 5, 5);
        nan[3][1] = Double.NaN;
        assertThatThrownBy(() -> wren.fromArray(nan, 2).det()).isInstanceOf(NonFiniteException.class).hasMessageContaining("NaN");
    }

    private static double[][] abs(double[][] a) {
        return Arrays.stream(a).map(r -> Arrays.stream(r).map(Math::abs).toArray()).toArray(double[][]::new);
    }

    private static double[] rowSums(double[][] a) {
        return Arrays.stream(a).mapToDouble(r -> Arrays.stream(r).sum()).toArray();
    }

    /** Relative 1e-12 for sums; 1e-10 for the norms from singular values (absolute accuracy of about eps ||A|| per value). */
    @Test
    void normsOfEveryOrderMatchDenseMath() {
        for (int[] c : SHAPES) {
            int m = c[0];
            int n = c[1];
            double[][] a = Dense.random(random, m, n);
            BlockMatrix x = wren.fromArray(a, c[2]);
            double[] colSums = rowSums(Dense.t(abs(a)));
            double[] rowSums = rowSums(abs(a));
            double[] s = DenseLstsq.solve(a, new double[m][1], 0).s();
            double[] sv = Arrays.copyOf(s, Math.min(m, n));
            String as = m + "x" + n + " block " + c[2];
            double scale = DenseMath.fro(a);
            assertThat(x.norm(Ord.ONE)).as(as).isCloseTo(Arrays.stream(colSums).max().orElseThrow(), offset(1e-12 * scale));
            assertThat(x.norm(Ord.NEG_ONE)).as(as).isCloseTo(Arrays.stream(colSums).min().orElseThrow(), offset(1e-12 * scale));
            assertThat(x.norm(Ord.INF)).as(as).isCloseTo(Arrays.stream(rowSums).max().orElseThrow(), offset(1e-12 * scale));
            assertThat(x.norm(Ord.NEG_INF)).as(as).isCloseTo(Arrays.stream(rowSums).min().orElseThrow(), offset(1e-12 * scale));
            assertThat(x.norm(Ord.FRO)).as(as).isCloseTo(scale, offset(1e-12 * scale));
            assertThat(x.norm(Ord.TWO)).as(as).isCloseTo(sv[0], offset(1e-10 * scale));
            assertThat(x.norm(Ord.NEG_TWO)).as(as).isCloseTo(sv[sv.length - 1], offset(1e-10 * scale));
            assertThat(x.norm(Ord.NUC)).as(as).isCloseTo(Arrays.stream(sv).sum(), offset(1e-10 * scale * sv.length));
            assertThat(x.cond()).as(as).isCloseTo(sv[0] / sv[sv.length - 1], offset(1e-8 * sv[0] / sv[sv.length - 1]));
            assertThat(x.matrixRank()).as(as).isEqualTo(sv.length);
        }
    }

    /** Known singular values: rank with numpy's default tolerance and an explicit one, and cond of singular input. */
    @Test
    void rankAndCondOfRankDeficientMatrices() {
        double[] s = {4, 2, 1, 1e-3, 0, 0};
        for (int[] c : new int[][] {{11, 3}, {11, 4}, {11, 16}}) {
            double[][] a = DenseLstsq.withSingularValues(random, c[0], s);
            BlockMatrix x = wren.fromArray(a, c[1]);
            assertThat(x.matrixRank()).as("block %d", c[1]).isEqualTo(4);
            assertThat(x.matrixRank(1e-2)).isEqualTo(3);
            assertThat(x.T().matrixRank()).isEqualTo(4);
            assertThat(x.cond()).as("block %d", c[1]).isGreaterThan(1e12);
        }
        BlockMatrix zero = wren.zeros(3, 5, 2);
        assertThat(zero.singularValues()).as("singular values of zeros").containsOnly(0.0);
        assertThat(zero.matrixRank()).isZero();
        assertThat(zero.cond()).isInfinite();
        assertThatThrownBy(() -> zero.matrixRank(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tol");
    }

    /**
     * pinv against the minimum-norm lstsq(A, I) of the Jacobi SVD: full rank (tall, wide, square,
     * 1x1, one row), and rank deficient. Tolerance 1e-10 relative to |pinv|: condition numbers below 1e3.
     */
    @Test
    void pinvMatchesTheMinimumNormInverse() {
        for (int[] c : SHAPES) {
            int m = c[0];
            int n = c[1];
            double[][] a = Dense.random(random, m, n);
            double[][] expected = DenseLstsq.solve(a, Dense.eye(m, m), MatrixFunctions.PINV_RCOND).x();
            double[][] actual = wren.fromArray(a, c[2]).pinv().toArray();
            assertThat(actual.length).isEqualTo(n);
            assertThat(actual[0].length).isEqualTo(m);
            assertThat(DenseMath.maxDiff(actual, expected)).as("%dx%d block %d", m, n, c[2]).isLessThan(1e-10 * DenseMath.fro(expected));
        }
        double[] s = {3, 1, 0.5, 0, 0};
        for (int[] c : new int[][] {{9, 4}, {9, 16}, {9, 2}}) {
            double[][] a = DenseLstsq.withSingularValues(random, c[0], s);
            double[][] expected = DenseLstsq.solve(a, Dense.eye(c[0], c[0]), 1e-10).x();
            double[][] actual = wren.fromArray(a, c[1]).pinv(1e-10).toArray();
            assertThat(DenseMath.maxDiff(actual, expected)).as("rank 3, block %d", c[1]).isLessThan(1e-10 * DenseMath.fro(expected));
            double[][] wide = wren.fromArray(Dense.t(a), c[1]).pinv(1e-10).toArray();
            assertThat(DenseMath.maxDiff(wide, Dense.t(expected))).as("wide rank 3, block %d", c[1]).isLessThan(1e-10 * DenseMath.fro(expected));
        }
        assertThat(wren.zeros(3, 2, 2).pinv().toArray()).isDeepEqualTo(new double[2][3]);
        assertThatThrownBy(() -> wren.zeros(3, 2, 2).pinv(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rcond");
    }

    /**
     * Ill-conditioned input: the error must grow like cond * eps (numpy's SVD route), not
     * cond^2 * eps (normal equations, which at cond 1e8 give no correct digit). Tolerance
     * 100 * cond * eps relative to |pinv|, tall and wide, ragged blocks.
     */
    @Test
    void pinvOfIllConditionedMatricesLosesOnlyTheConditionNumber() {
        for (double smin : new double[] {1e-4, 1e-6, 1e-8}) {
            double[][] a = DenseLstsq.withSingularValues(random, 12, new double[] {1, 0.5, 0.1, smin});
            double[][] expected = DenseLstsq.solve(a, Dense.eye(12, 12), MatrixFunctions.PINV_RCOND).x();
            double tol = 100 / smin * Math.ulp(1.0) * DenseMath.fro(expected);
            assertThat(DenseMath.maxDiff(wren.fromArray(a, 5).pinv().toArray(), expected)).as("cond %.0e", 1 / smin).isLessThan(tol);
            assertThat(DenseMath.maxDiff(wren.fromArray(Dense.t(a), 3).pinv().toArray(), Dense.t(expected))).as("wide, cond %.0e", 1 / smin)
                    .isLessThan(tol);
        }
    }

    @Test
    void itemIsScalar() {
        assertThat(wren.fromArray(new double[][] {{2.5}}, 1).item()).isEqualTo(2.5);
        assertThat(wren.fromArray(new double[][] {{1, 2}, {3, 4}}, 1).sum().item()).isEqualTo(10.0);
    }
}
