package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.wren4j.api.DenseLstsq.EPS;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.plan.Dense;

/** {@code lstsq} on small cases with answers known by hand, its fast path and its errors. */
class LstsqTest extends EmbeddedSessionTest {
    private final Random random = new Random(13);

    /**
     * Two equal columns c (rank 1): every x with x0 + x1 = c.b / c.c minimises, numpy returns
     * the one of least norm, x0 = x1 = c.b / (2 c.c); the old semi-normal equations returned
     * |x| ~ 1e15 here. Tolerance 1e-13 relative: one rounding per flop on 3 x 2 data.
     */
    @Test
    void equalColumnsGiveTheMinimumNormSolution() {
        double[][] a = {{1, 1}, {2, 2}, {3, 3}, {-1, -1}};
        double[][] b = {{1}, {2}, {4}, {0}};
        double t = (1 + 4 + 12) / 15.0;
        for (int block : new int[] {1, 2, 3, 5}) {
            LeastSquares ls = wren.fromArray(a, block).lstsq(wren.fromArray(b, block));
            double[][] x = ls.solution().toArray();
            assertThat(x[0][0]).as("block %d", block).isCloseTo(t / 2, offset(1e-13 * t));
            assertThat(x[1][0]).as("block %d", block).isCloseTo(t / 2, offset(1e-13 * t));
            assertThat(ls.rank()).isEqualTo(1);
            assertThat(ls.residuals()).as("numpy: empty when rank < n").isEmpty();
            assertThat(ls.singularValues()[0]).isCloseTo(Math.sqrt(30), offset(1e-13 * Math.sqrt(30)));
            assertThat(ls.singularValues()[1]).isLessThanOrEqualTo(ls.rcond() * Math.sqrt(30));
        }
    }

    /** A zero column and an all-zero A: rank n - 1 and 0, the zero column's x entry 0 (numpy's choice). */
    @Test
    void zeroColumnsAndZeroMatrix() {
        double[][] a = Dense.random(random, 9, 4);
        for (double[] row : a) {
            row[2] = 0;
        }
        double[][] b = Dense.random(random, 9, 2);
        LeastSquares ls = wren.fromArray(a, 3).lstsq(wren.fromArray(b, 3));
        DenseLstsq.Answer ref = DenseLstsq.solve(a, b, ls.rcond());
        assertThat(ls.rank()).isEqualTo(3);
        // 1e-12: A is well conditioned on its kept part (random 9 x 3), error ~ kappa eps
        assertThat(DenseLstsq.froDiff(ls.solution().toArray(), ref.x())).isLessThan(1e-12 * DenseLstsq.fro(ref.x()));
        LeastSquares zero = wren.zeros(6, 3, 4).lstsq(wren.fromArray(Dense.random(random, 6, 1), 4));
        assertThat(zero.rank()).isZero();
        assertThat(zero.singularValues()).containsOnly(0.0);
        assertThat(zero.solution().toArray()).isDeepEqualTo(new double[3][1]);
        assertThat(zero.residuals()).isEmpty();
    }

    /**
     * Full rank, well conditioned: one QR job, one correction job (the old single job did the
     * same passes over A), numpy's residuals. Tolerances: x to 1e-12 relative (kappa ~ 10),
     * residuals to 1e-12 of |b|^2.
     */
    @Test
    void fullRankTakesOneCorrection() {
        double[][] a = Dense.random(random, 40, 7);
        double[][] b = Dense.random(random, 40, 3);
        LeastSquares ls = wren.fromArray(a, 8).lstsq(wren.fromArray(b, 8));
        DenseLstsq.Answer ref = DenseLstsq.solve(a, b, LeastSquares.defaultRcond(40, 7));
        assertThat(ls.rank()).isEqualTo(7);
        assertThat(ls.corrections()).isEqualTo(1);
        assertThat(DenseLstsq.froDiff(ls.solution().toArray(), ref.x())).isLessThan(1e-12 * DenseLstsq.fro(ref.x()));
        double bb = DenseLstsq.fro(b) * DenseLstsq.fro(b);
        assertThat(ls.residuals()).containsExactly(ref.residuals(), offset(1e-12 * bb));
        assertThat(ls.singularValues()).containsExactly(ref.s(), offset(1e-12 * ref.s()[0]));
        assertThat(ls.toString()).contains("rank 7").contains("1 corrections");
    }

    /** Square A: numpy gives no residuals when m <= n. */
    @Test
    void squareHasNoResiduals() {
        LeastSquares ls = wren.fromArray(Dense.random(random, 6, 6), 4).lstsq(wren.fromArray(Dense.random(random, 6, 1), 4));
        assertThat(ls.rank()).isEqualTo(6);
        assertThat(ls.residuals()).isEmpty();
    }

    /**
     * Kept singular values spanning 1e11 (under numpy's cut-off of 20 eps, so numpy keeps
     * them): the corrections cannot shrink the error, so the solve fails with one line naming
     * lstsq and an rcond to pass; with rcond = 1e-7 the smallest value is dropped and it solves.
     */
    @Test
    void tooIllConditionedFailsNamingAnRcond() {
        double[] s = {1, 0.5, 0.3, 0.2, 1e-11};
        double[][] a = DenseLstsq.withSingularValues(random, 20, s);
        double[][] b = Dense.random(random, 20, 1);
        BlockMatrix am = wren.fromArray(a, 4);
        BlockMatrix bm = wren.fromArray(b, 4);
        assertThatThrownBy(() -> am.lstsq(bm).rank()).isInstanceOf(WrenException.class)
                .hasMessageContaining("lstsq").hasMessageContaining("rcond").hasMessageContaining("20x5")
                .hasMessageNotContaining("\n");
        LeastSquares ls = am.lstsq(bm, 1e-7);
        DenseLstsq.Answer ref = DenseLstsq.solve(a, b, 1e-7);
        assertThat(ls.rank()).isEqualTo(4).isEqualTo(ref.rank());
        // kept kappa = 5: 1e-10 relative leaves room for the 1e-11 value's perturbation of the kept subspace
        assertThat(DenseLstsq.froDiff(ls.solution().toArray(), ref.x())).isLessThan(1e-10 * DenseLstsq.fro(ref.x()));
    }

    @Test
    void argumentsAreCheckedAtTheCall() {
        BlockMatrix a = wren.random(10, 4, 4, 1);
        assertThatThrownBy(() -> a.lstsq(wren.random(9, 1, 4, 1))).isInstanceOf(ShapeException.class)
                .hasMessageContaining("lstsq").hasMessageContaining("10x4").hasMessageContaining("9x1");
        assertThatThrownBy(() -> a.lstsq(wren.random(10, 1, 4, 1), -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rcond");
        assertThatThrownBy(() -> a.lstsq(wren.random(10, 1, 4, 1), Double.NaN)).hasMessageContaining("rcond");
        assertThatThrownBy(() -> wren.random(3, 8, 4, 1).lstsq(wren.random(4, 1, 4, 1))).isInstanceOf(ShapeException.class)
                .hasMessageContaining("3x8");
        assertThatThrownBy(() -> a.lstsq(wren.random(10, 1, 5, 1))).isInstanceOf(ShapeException.class);
        // (a 9000-column A itself would not fit this test's memory)
        assertThatThrownBy(() -> LeastSquaresSolver.checkClientSize("lstsq", 9000, 1)).isInstanceOf(WrenException.class)
                .hasMessageContaining("lstsq").hasMessageContaining("8192");
        assertThat(LeastSquares.defaultRcond(100, 7)).isEqualTo(100 * EPS);
    }

    /**
     * A wide (underdetermined) A: numpy's minimum-norm solution, against the independent Jacobi
     * reference: full row rank (A x = b exactly), two equal rows (rank-deficient: the
     * least-squares minimum-norm answer), a zero matrix, one row; ragged tiles, blocks larger
     * than the matrix, several right-hand sides. Tolerance 1e-12 relative: the kept singular
     * values span at most about 30, one rounding per flop on entries below 1.
     */
    @Test
    void wideGivesTheMinimumNormSolution() {
        // m, n, k, block, kind (0 random, 1 two equal rows, 2 zero)
        int[][] cases = {{3, 8, 1, 4}, {4, 9, 2, 3}, {5, 7, 1, 8}, {1, 6, 1, 4}, {1, 1, 1, 1, 0}, {6, 13, 3, 4, 1}, {2, 5, 1, 2, 1},
                {3, 5, 1, 2, 2}};
        for (int[] c : cases) {
            int m = c[0];
            int n = c[1];
            int kind = c.length > 4 ? c[4] : 0;
            double[][] a = Dense.random(random, m, n);
            if (kind == 1) {
                a[m - 1] = a[0].clone();
            } else if (kind == 2) {
                a = new double[m][n];
            }
            double[][] b = Dense.random(random, m, c[2]);
            String as = m + "x" + n + " k " + c[2] + " block " + c[3] + " kind " + kind;
            LeastSquares ls = wren.fromArray(a, c[3]).lstsq(wren.fromArray(b, c[3]));
            DenseLstsq.Answer ref = DenseLstsq.solve(a, b, LeastSquares.defaultRcond(m, n));
            double[][] x = ls.solution().toArray();
            assertThat(x.length).isEqualTo(n);
            assertThat(x[0].length).isEqualTo(c[2]);
            assertThat(ls.rank()).as(as + " rank").isEqualTo(ref.rank());
            assertThat(ls.residuals()).as(as + " numpy: empty when m < n").isEmpty();
            assertThat(DenseLstsq.froDiff(x, ref.x())).as(as + " x vs reference").isLessThanOrEqualTo(1e-12 * Math.max(1, DenseLstsq.fro(ref.x())));
            for (int i = 0; i < m; i++) {
                assertThat(ls.singularValues()[i]).as(as + " s" + i).isCloseTo(ref.s()[i], offset(1e-13));
            }
            if (kind == 0) {
                assertThat(DenseMath.maxDiff(Dense.mul(a, x), b)).as(as + " A x = b").isLessThan(1e-12);
            }
        }
    }
}
