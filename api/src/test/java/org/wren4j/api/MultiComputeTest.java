package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Wren#compute(BlockMatrix...)}: several results from ONE job, against naive dense math. */
class MultiComputeTest {
    private static Wren wren;
    private final Random random = new Random(71);

    @BeforeAll
    static void start() {
        wren = Wren.builder().workers(2).build();
    }

    @AfterAll
    static void stop() {
        wren.close();
    }

    private double[][] rand(int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble() - 0.5;
            }
        }
        return a;
    }

    static double[][] mul(double[][] a, double[][] b) {
        double[][] o = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    o[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return o;
    }

    static double maxDiff(double[][] a, double[][] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                d = Math.max(d, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return d;
    }

    @Test
    void severalResultsInOneJob() {
        // ragged: 19 x 13 and 13 x 11 with tiles of 8
        double[][] ad = rand(19, 13);
        double[][] bd = rand(13, 11);
        double[][] cd = rand(19, 11);
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
        BlockMatrix a = wren.fromArray(rand(5, 5), 8); // a 1 x 1 grid
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
        BlockMatrix a = wren.fromArray(rand(9, 9), 4);
        String text = wren.explain(a.matmul(a), a.T().matmul(a));
        assertThat(text).contains("expression 1:", "expression 2:", "results 1 = ");
        assertThatThrownBy(() -> wren.explain()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matricesOfAnotherSessionAreRejected() {
        try (Wren other = Wren.builder().workers(1).build()) {
            BlockMatrix theirs = other.fromArray(rand(3, 3), 4);
            BlockMatrix ours = wren.fromArray(rand(3, 3), 4);
            assertThatThrownBy(() -> wren.compute(ours, theirs)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("another Wren session");
        }
    }
}
