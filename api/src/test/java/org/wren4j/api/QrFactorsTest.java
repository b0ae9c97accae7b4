package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.plan.Dense;

/**
 * qrFactors() on the embedded runtime: Q R = A, Q^T Q = I and R upper triangular by naive loops,
 * and |R| against the R of the independent reference QR (row signs may differ), on ragged grids,
 * blocks larger than the matrix, 1x1, one-row and wide matrices.
 */
class QrFactorsTest extends EmbeddedSessionTest {
    private final Random random = new Random(29);

    /** m, n, block: 1x1, one tile column, ragged, block > matrix, square several tiles, tall several tiles, one row, wide. */
    private static final int[][] SHAPES = {{1, 1, 1}, {9, 3, 4}, {13, 4, 4}, {5, 3, 8}, {7, 7, 3}, {11, 5, 2}, {12, 8, 4},
            {1, 6, 4}, {4, 9, 3}, {5, 7, 8}};

    @Test
    void qTimesRIsAWithOrthonormalQAndTriangularR() {
        for (int[] c : SHAPES) {
            int m = c[0];
            int n = c[1];
            int k = Math.min(m, n);
            double[][] a = Dense.random(random, m, n);
            BlockMatrix x = wren.fromArray(a, c[2]);
            long before = wren.jobsStarted();
            QrFactors f = x.qrFactors();
            assertThat(wren.jobsStarted()).as("lazy").isEqualTo(before);
            double[][] q = f.q().toArray();
            double[][] r = f.r().toArray();
            String as = m + "x" + n + " block " + c[2];
            assertThat(wren.jobsStarted() - before).as(as + ": Q and R, with the identity columns Q is formed from, in one job").isEqualTo(1);
            assertThat(q.length).isEqualTo(m);
            assertThat(q[0].length).isEqualTo(k);
            assertThat(r.length).isEqualTo(k);
            assertThat(r[0].length).isEqualTo(n);
            // 1e-13: a few roundings per flop on entries below 1, n <= 12
            assertThat(Dense.maxAbs(Dense.minus(Dense.mul(q, r), a))).as(as + " Q R - A").isLessThan(1e-13);
            assertThat(Dense.maxAbs(Dense.minus(Dense.mul(Dense.t(q), q), Dense.eye(k, k)))).as(as + " Q^T Q - I").isLessThan(1e-13);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < i; j++) {
                    assertThat(r[i][j]).as(as + " R below the diagonal").isZero();
                }
            }
            if (m >= n) {
                // |R| is unique for a full-rank A up to row signs: compare with the existing R-only path
                double[][] r0 = x.qr().toArray();
                for (int i = 0; i < n; i++) {
                    double sign = Math.signum(r[i][i]) * Math.signum(r0[i][i]);
                    for (int j = 0; j < n; j++) {
                        assertThat(sign * r[i][j]).as(as + " R vs qr()").isCloseTo(r0[i][j], org.assertj.core.data.Offset.offset(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void factorsOfAnExpression() {
        double[][] a = Dense.random(random, 10, 4);
        double[][] b = Dense.random(random, 4, 4);
        QrFactors f = wren.fromArray(a, 3).matmul(wren.fromArray(b, 3)).qrFactors().compute();
        double[][] ab = Dense.mul(a, b);
        assertThat(Dense.maxAbs(Dense.minus(Dense.mul(f.q().toArray(), f.r().toArray()), ab))).isLessThan(1e-13);
    }
}
