package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wren4j.api.DenseMath.maxDiff;
import static org.wren4j.planner.plan.Dense.mul;
import static org.wren4j.planner.plan.Dense.random;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Wren#compute(BlockMatrix...)}: several results from ONE job, against naive dense math. */
class MultiComputeTest extends EmbeddedSessionTest {
    private final Random random = new Random(71);

    @Test
    void severalResultsInOneJob() {
        // ragged: 19 x 13 and 13 x 11 with tiles of 8
        double[][] ad = random(random, 19, 13);
        double[][] bd = random(random, 13, 11);
        double[][] cd = random(random, 19, 11);
        BlockMatrix a = wren.fromArray(ad, 8);
        BlockMatrix ab = a.matmul(wren.fromArray(bd, 8));
        BlockMatrix sum = ab.plus(wren.fromArray(cd, 8));
        BlockMatrix colSums = ab.sum(Axis.COLUMNS);
        long before = wren.jobsStarted();
        List<BlockMatrix> out = wren.compute(ab, sum, colSums, ab, a);
        assertThat(wren.jobsStarted() - before).as("jobs run").isEqualTo(1);
        assertThat(wren.lastJob().orElseThrow().operation()).as("the shared product runs once").containsOnlyOnce("matmul");
        assertThat(out).hasSize(5);
        assertThat(out.get(0).name()).as("the same handle twice gives one result").isEqualTo(out.get(3).name());
        assertThat(out.get(4).name()).as("a stored matrix is its own result").isEqualTo(a.name());

        double[][] expected = mul(ad, bd);
        double[][] abd = ab.toArray();
        double[][] sumd = sum.toArray();
        double[] cols = colSums.toColumnMajor();
        assertThat(wren.jobsStarted() - before).as("the handles were computed by that job").isEqualTo(1);
        assertThat(maxDiff(abd, expected)).isLessThan(1e-14);
        for (int i = 0; i < 19; i++) {
            for (int j = 0; j < 11; j++) {
                expected[i][j] += cd[i][j];
            }
        }
        assertThat(maxDiff(sumd, expected)).isLessThan(1e-14);
        for (int j = 0; j < 11; j++) {
            double s = 0;
            for (int i = 0; i < 19; i++) {
                s += abd[i][j];
            }
            assertThat(cols[j]).isCloseTo(s, org.assertj.core.data.Offset.offset(1e-13));
        }
        assertThat(out.get(1).toArray()).isDeepEqualTo(sumd);
    }

    @Test
    void computedHandlesAreNotComputedAgain() {
        BlockMatrix a = wren.fromArray(random(random, 5, 5), 8); // a 1 x 1 grid
        BlockMatrix sq = a.matmul(a);
        sq.compute();
        BlockMatrix t = a.T().plus(a);
        long before = wren.jobsStarted();
        List<BlockMatrix> out = wren.compute(sq, t);
        assertThat(wren.jobsStarted() - before).isEqualTo(1);
        assertThat(out.get(0).name()).isEqualTo(sq.name());
        assertThat(wren.lastJob().orElseThrow().operation()).doesNotContain("matmul");

        wren.compute(sq, t, a);
        wren.compute();
        assertThat(wren.jobsStarted() - before).as("nothing left to compute runs no job").isEqualTo(1);
    }

    @Test
    void explainShowsEveryResult() {
        BlockMatrix a = wren.fromArray(random(random, 9, 9), 4);
        String text = wren.explain(a.matmul(a), a.T().matmul(a));
        assertThat(text).contains("expression 1:", "expression 2:", "results 1 = ");
        assertThatThrownBy(() -> wren.explain()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matricesOfAnotherSessionAreRejected() {
        try (Wren other = Wren.builder().workers(1).build()) {
            BlockMatrix theirs = other.fromArray(random(random, 3, 3), 4);
            BlockMatrix ours = wren.fromArray(random(random, 3, 3), 4);
            assertThatThrownBy(() -> wren.compute(ours, theirs)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("another Wren session");
        }
    }
}
