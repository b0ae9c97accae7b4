package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.wren4j.api.DenseMath.assertClose;
import static org.wren4j.planner.plan.Dense.mul;
import static org.wren4j.planner.plan.Dense.random;
import static org.wren4j.planner.plan.Dense.t;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lazy algebra through planning, fusion and the embedded runtime, against naive dense math. */
class AlgebraTest extends EmbeddedSessionTest {
    private final Random random = new Random(5);

    @Test
    void ridgeRegressionByNormalEquationsAsOneJob() {
        int n = 61;
        int d = 13;
        int b = 8;
        double lambda = 0.3;
        double[][] xd = random(random, n, d);
        double[][] yd = random(random, n, 1);
        BlockMatrix x = wren.fromArray(xd, b);
        BlockMatrix y = wren.fromArray(yd, b);
        BlockMatrix eye = wren.eye(d, b);
        BlockMatrix w = x.gram().plus(eye.times(lambda)).solve(x.T().matmul(y));
        String plan = w.explain();
        assertThat(plan).contains("gram", "cholesky", "trsm_left_lower", "one program");
        double[] wv = w.toColumn();
        assertThat(wren.lastJob().orElseThrow().operation()).contains("cholesky").contains("triangular solve");
        // residual of the normal equations (X^T X + lambda I) w - X^T y
        double[][] normal = mul(t(xd), xd);
        for (int i = 0; i < d; i++) {
            normal[i][i] += lambda;
        }
        double[][] rhs = mul(t(xd), yd);
        for (int i = 0; i < d; i++) {
            double r = -rhs[i][0];
            for (int j = 0; j < d; j++) {
                r += normal[i][j] * wv[j];
            }
            assertThat(r).as("normal-equation residual row %d", i).isCloseTo(0, offset(1e-12));
        }
    }

    @Test
    void nearestNeighboursByDistancesAndArgmin() {
        double[][] qd = random(random, 29, 6);
        double[][] pd = random(random, 37, 6);
        BlockMatrix q = wren.fromArray(qd, 8);
        BlockMatrix p = wren.fromArray(pd, 8);
        BlockMatrix dist = q.map(Fn.SQUARE).sum(Axis.ROWS)
                .minus(q.matmul(p.T()).times(2))
                .plus(p.map(Fn.SQUARE).sum(Axis.ROWS).T());
        double[] nearest = dist.argmin(Axis.ROWS).toColumn();
        for (int i = 0; i < qd.length; i++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < pd.length; j++) {
                double s = 0;
                for (int c = 0; c < 6; c++) {
                    s += (qd[i][c] - pd[j][c]) * (qd[i][c] - pd[j][c]);
                }
                if (s < bestD) {
                    bestD = s;
                    best = j;
                }
            }
            assertThat(nearest[i]).as("nearest neighbour of query %d", i).isEqualTo(best);
        }
    }

    @Test
    void elementwiseChainFusesIntoOneKernelAndBroadcasts() {
        double[][] ad = random(random, 19, 11);
        double[][] rowd = random(random, 1, 11);
        BlockMatrix a = wren.fromArray(ad, 4);
        BlockMatrix row = wren.fromArray(rowd, 4);
        BlockMatrix e = a.times(2).plus(1).map(Fn.ABS).map(Fn.SQRT).minus(row).negate().divide(4);
        assertThat(e.explain()).contains("FuseElementwise").contains("1. element-wise").doesNotContain("2. element-wise");
        double[][] got = e.toArray();
        for (int i = 0; i < 19; i++) {
            for (int j = 0; j < 11; j++) {
                double v = -(Math.sqrt(Math.abs(ad[i][j] * 2 + 1)) - rowd[0][j]) / 4;
                assertThat(got[i][j]).isCloseTo(v, offset(1e-15));
            }
        }
    }

    @Test
    void reductionsTraceAndNorms() {
        double[][] ad = random(random, 23, 17);
        BlockMatrix a = wren.fromArray(ad, 5);
        double sum = 0;
        double fro = 0;
        for (double[] r : ad) {
            for (double v : r) {
                sum += v;
                fro += v * v;
            }
        }
        assertThat(a.sum().scalar()).isCloseTo(sum, offset(1e-12));
        assertThat(a.norm().scalar()).isCloseTo(Math.sqrt(fro), offset(1e-12));
        double[][] colMin = a.min(Axis.COLUMNS).toArray();
        double[] rowMaxArg = a.argmax(Axis.ROWS).toColumn();
        for (int j = 0; j < 17; j++) {
            double m = Double.POSITIVE_INFINITY;
            for (double[] r : ad) {
                m = Math.min(m, r[j]);
            }
            assertThat(colMin[0][j]).isEqualTo(m);
        }
        for (int i = 0; i < 23; i++) {
            int arg = 0;
            for (int j = 1; j < 17; j++) {
                if (ad[i][j] > ad[i][arg]) {
                    arg = j;
                }
            }
            assertThat(rowMaxArg[i]).isEqualTo(arg);
        }
        double[][] sq = random(random, 14, 14);
        double tr = 0;
        for (int i = 0; i < 14; i++) {
            tr += sq[i][i];
        }
        assertThat(wren.fromArray(sq, 4).trace().scalar()).isCloseTo(tr, offset(1e-13));
    }

    @Test
    void transposedProductsAndGramAreExact() {
        double[][] xd = random(random, 33, 9);
        double[][] yd = random(random, 33, 5);
        BlockMatrix x = wren.fromArray(xd, 8);
        BlockMatrix y = wren.fromArray(yd, 8);
        assertClose(x.T().matmul(y).toArray(), mul(t(xd), yd), 1e-13);
        assertClose(x.T().matmul(x).toArray(), mul(t(xd), xd), 1e-13);
        assertClose(x.gram().toArray(), mul(t(xd), xd), 1e-13);
        assertClose(x.T().T().matmul(x.T()).toArray(), mul(xd, t(xd)), 1e-13);
        // a symmetric result computed on its lower tiles, used where all tiles are read
        assertClose(x.gram().minus(wren.fromArray(mul(t(xd), xd), 8)).toArray(), new double[9][9], 1e-13);
    }

    @Test
    void solvesByStructure() {
        BlockMatrix a = wren.randomSpd(45, 8, 3);
        double[][] ad = a.toArray();
        double[][] bd = random(random, 45, 3);
        BlockMatrix b = wren.fromArray(bd, 8);
        double[][] x = a.solve(b).toArray();
        assertClose(mul(ad, x), bd, 1e-12);
        BlockMatrix l = a.cholesky();
        double[][] ld = l.toArray();
        assertClose(mul(ld, l.solve(b).toArray()), bd, 1e-12);
        assertClose(mul(t(ld), l.triangularSolve(b, true, true).toArray()), bd, 1e-12);
        // a general matrix marked SPD by the user
        BlockMatrix g = wren.fromArray(ad, 8).asSpd();
        assertClose(mul(ad, g.solve(b).toArray()), bd, 1e-12);
    }

    @Test
    void qrOfTallAndSquareMatricesAndLeastSquares() {
        for (int[] dims : new int[][] {{40, 7, 8}, {40, 13, 4}, {12, 12, 4}, {30, 10, 4}, {9, 9, 16}}) {
            int m = dims[0];
            int n = dims[1];
            double[][] ad = random(random, m, n);
            BlockMatrix a = wren.fromArray(ad, dims[2]);
            double[][] r = a.qr().toArray();
            assertThat(r.length).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    assertThat(r[i][j]).as("R(%d,%d) below the diagonal, %dx%d", i, j, m, n).isZero();
                }
            }
            // R^T R = A^T A
            assertClose(mul(t(r), r), mul(t(ad), ad), 1e-12);
            double[][] bd = random(random, m, 2);
            double[][] x = a.lstsq(wren.fromArray(bd, dims[2])).solution().toArray();
            // normal equations: A^T (A x - b) = 0
            double[][] ax = mul(ad, x);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < 2; j++) {
                    ax[i][j] -= bd[i][j];
                }
            }
            assertClose(mul(t(ad), ax), new double[n][2], 1e-12);
        }
        assertThatThrownBy(() -> wren.random(3, 8, 4, 1).qr()).hasMessageContaining("tall").hasMessageContaining("3x8");
    }

    @Test
    void mismatchesThrowAtTheCallWithBothShapes() {
        BlockMatrix a = wren.random(10, 7, 4, 1);
        assertThatThrownBy(() -> a.plus(wren.random(7, 10, 4, 1))).isInstanceOf(ShapeException.class)
                .hasMessageContaining("10x7").hasMessageContaining("7x10");
        assertThatThrownBy(() -> a.solve(wren.random(10, 1, 4, 1))).hasMessageContaining("square");
        assertThatThrownBy(() -> a.T().matmul(wren.random(9, 2, 4, 1))).hasMessageContaining("7x10").hasMessageContaining("9x2");
        assertThatThrownBy(() -> a.scalar()).hasMessageContaining("1x1");
        assertThatThrownBy(() -> a.toColumn()).hasMessageContaining("single column");
        // a matrix the in-memory store cannot hold is refused at once, with what to do instead
        assertThatThrownBy(() -> wren.random(1_000_000, 1_000_000, 4096, 1)).isInstanceOf(WrenException.class)
                .hasMessageContaining("8000.0 GB").hasMessageContaining("storeDirectory");
    }
}
