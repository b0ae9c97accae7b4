package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wren4j.api.DenseMath.singular;
import static org.wren4j.planner.plan.Dense.maxAbs;
import static org.wren4j.planner.plan.Dense.mul;
import static org.wren4j.planner.plan.Dense.random;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** lu() and general solve() on the embedded runtime, against dense math. */
class LuTest extends EmbeddedSessionTest {
    private final Random random = new Random(41);

    @Test
    void factorsReproducePermutedMatrix() {
        double[][] ad = random(random, 29, 29);
        // tiny leading rows: the pivots of the first panels come from other tile rows
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 29; j++) {
                ad[i][j] *= 1e-4;
            }
        }
        LuFactors f = wren.fromArray(ad, 8).lu();
        double[][] l = f.l().toArray();
        double[][] u = f.u().toArray();
        int[] rows = f.rows();
        assertThat(Arrays.stream(rows).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 29).toArray());
        assertThat(rows[0]).as("first pivot row is not a tiny one").isGreaterThanOrEqualTo(16);
        double[][] pa = new double[29][];
        for (int r = 0; r < 29; r++) {
            pa[r] = ad[rows[r]];
            assertThat(l[r][r]).isEqualTo(1.0);
            for (int j = r + 1; j < 29; j++) {
                assertThat(l[r][j]).isZero();
                assertThat(u[j][r]).isZero();
            }
        }
        double[][] lu = mul(l, u);
        double err = 0;
        for (int r = 0; r < 29; r++) {
            for (int j = 0; j < 29; j++) {
                err = Math.max(err, Math.abs(pa[r][j] - lu[r][j]));
            }
        }
        assertThat(err / maxAbs(ad)).as("|P A - L U| / |A|").isLessThan(1e-13);
    }

    @Test
    void generalSolveRunsAsOneJob() {
        double[][] ad = random(random, 37, 37);
        double[][] bd = random(random, 37, 3);
        BlockMatrix x = wren.fromArray(ad, 8).solve(wren.fromArray(bd, 8));
        assertThat(x.explain()).contains("calu", "lu_forward", "trsm_left_upper");
        double[][] xd = x.toArray();
        assertThat(wren.lastJob().orElseThrow().operation()).contains("lu (calu)").contains("pivoted forward substitution");
        double[][] r = mul(ad, xd);
        for (int i = 0; i < 37; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] -= bd[i][j];
            }
        }
        assertThat(maxAbs(r) / (maxAbs(ad) * maxAbs(xd) * 37)).as("relative residual").isLessThan(1e-14);
    }

    @Test
    void singularMatrixFailsClearly() {
        double[][] ad = singular(random, 12, 5);
        BlockMatrix x = wren.fromArray(ad, 4).solve(wren.fromArray(random(random, 12, 1), 4));
        assertThatThrownBy(x::compute).isInstanceOf(WrenException.class).hasMessageContaining("singular");
    }

    /** Ragged sizes and a one-tile grid: whichever part is read first, one job factors A and stores all three. */
    @Test
    void partsComeFromOneFactorization() {
        for (int[] c : new int[][] {{29, 8}, {5, 8}}) {
            int n = c[0];
            double[][] ad = random(random, n, n);
            LuFactors f = wren.fromArray(ad, c[1]).lu();
            long before = wren.jobsStarted();
            double[][] u = f.u().toArray();
            assertThat(wren.jobsStarted() - before).as("n = %d: computing U", n).isEqualTo(1);
            assertThat(wren.lastJob().orElseThrow().operation()).containsOnlyOnce("lu (calu)");
            double[][] l = f.l().toArray();
            int[] rows = f.rows();
            f.compute();
            assertThat(wren.jobsStarted() - before).as("n = %d: L, P and compute() after U", n).isEqualTo(1);
            double[][] pa = new double[n][];
            for (int r = 0; r < n; r++) {
                pa[r] = ad[rows[r]];
            }
            double[][] lu = mul(l, u);
            double err = 0;
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < n; j++) {
                    err = Math.max(err, Math.abs(pa[r][j] - lu[r][j]));
                }
            }
            assertThat(err / maxAbs(ad)).as("n = %d: |P A - L U| / |A|", n).isLessThan(1e-13);
        }
    }

    @Test
    void computeRunsOneJobForAllParts() {
        LuFactors f = wren.fromArray(random(random, 13, 13), 4).lu();
        long before = wren.jobsStarted();
        assertThat(f.compute()).isSameAs(f);
        f.permutation().toColumn();
        f.l().compute();
        f.u().name();
        assertThat(wren.jobsStarted() - before).isEqualTo(1);
    }

    @Test
    void singularFactorizationNamesLu() {
        LuFactors f = wren.fromArray(singular(random, 12, 5), 4).lu();
        assertThatThrownBy(f::compute).isInstanceOf(WrenException.class).hasMessageStartingWith("lu of a 12x12 matrix")
                .hasMessageContaining("singular");
    }
}
