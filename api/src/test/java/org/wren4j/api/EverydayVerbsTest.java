package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.plan.Dense;

/**
 * The everyday numpy verbs on the embedded runtime against naive loops, on ragged grids,
 * blocks larger than the matrix, 1x1 and 1-row grids. Exact comparisons where the verb does no
 * arithmetic (stacking, diagonals, comparisons, where, outer); stated tolerances elsewhere.
 */
class EverydayVerbsTest extends EmbeddedSessionTest {
    private final Random random = new Random(71);

    /** m, n, block: 1x1, one row, one column, ragged, block > matrix, aligned. */
    private static final int[][] SHAPES = {{1, 1, 1}, {1, 9, 4}, {9, 1, 4}, {7, 5, 3}, {6, 4, 8}, {12, 8, 4}};

    @Test
    void constructorsFillEveryTile() {
        for (int[] c : SHAPES) {
            double[][] ones = wren.ones(c[0], c[1], c[2]).toArray();
            double[][] full = wren.full(c[0], c[1], -2.5, c[2]).toArray();
            for (int r = 0; r < c[0]; r++) {
                for (int j = 0; j < c[1]; j++) {
                    assertThat(ones[r][j]).isEqualTo(1.0);
                    assertThat(full[r][j]).isEqualTo(-2.5);
                }
            }
        }
        assertThatThrownBy(() -> wren.ones(0, 3, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x3");
    }

    @Test
    void retileKeepsValuesAndRebalanceIsItsAlias() {
        double[][] a = Dense.random(random, 11, 7);
        BlockMatrix m = wren.fromArray(a, 3);
        for (int block : new int[] {1, 2, 4, 20}) {
            assertThat(m.retile(block).blockSize()).isEqualTo(block);
            assertThat(m.retile(block).toArray()).isDeepEqualTo(a);
        }
        @SuppressWarnings("deprecation")
        BlockMatrix old = m.rebalance(5);
        assertThat(old.toArray()).isDeepEqualTo(a);
        assertThatThrownBy(() -> m.retile(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retile");
    }

    private static double[][] naiveStack(double[][]... parts) {
        int rows = 0;
        for (double[][] p : parts) {
            rows += p.length;
        }
        double[][] out = new double[rows][];
        int at = 0;
        for (double[][] p : parts) {
            for (double[] row : p) {
                out[at++] = row.clone();
            }
        }
        return out;
    }

    /** Three parts of ragged lengths (one a single row), joined both ways, each block; exact. */
    @Test
    void vstackHstackAndConcatMatchNaiveLoops() {
        for (int block : new int[] {1, 3, 4, 16}) {
            double[][] a = Dense.random(random, 5, 6);
            double[][] b = Dense.random(random, 1, 6);
            double[][] c = Dense.random(random, 7, 6);
            BlockMatrix ma = wren.fromArray(a, block);
            BlockMatrix mb = wren.fromArray(b, block);
            BlockMatrix mc = wren.fromArray(c, block);
            double[][] want = naiveStack(a, b, c);
            assertThat(BlockMatrix.vstack(ma, mb, mc).toArray()).as("vstack block %d", block).isDeepEqualTo(want);
            assertThat(BlockMatrix.concat(Axis.COLUMNS, ma, mb, mc).toArray()).isDeepEqualTo(want);
            BlockMatrix h = BlockMatrix.hstack(ma.T(), mb.T(), mc.T());
            assertThat(h.toArray()).as("hstack block %d", block).isDeepEqualTo(Dense.t(want));
            assertThat(BlockMatrix.concat(Axis.ROWS, ma.T(), mb.T(), mc.T()).toArray()).isDeepEqualTo(Dense.t(want));
            assertThat(BlockMatrix.vstack(ma).toArray()).isDeepEqualTo(a);
        }
        BlockMatrix x = wren.fromArray(Dense.random(random, 3, 4), 2);
        BlockMatrix y = wren.fromArray(Dense.random(random, 3, 5), 2);
        assertThatThrownBy(() -> BlockMatrix.vstack(x, y)).isInstanceOf(ShapeException.class)
                .hasMessage("vstack: cannot join a 3x4 and a 3x5 matrix; one above the other they need the same number of columns");
        assertThat(BlockMatrix.hstack(x, y).cols()).isEqualTo(9);
        assertThatThrownBy(BlockMatrix::vstack).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void diagExtractsAndBuilds() {
        for (int[] c : SHAPES) {
            double[][] a = Dense.random(random, c[0], c[1]);
            int p = Math.min(c[0], c[1]);
            double[] d = wren.fromArray(a, c[2]).diag().toColumn();
            assertThat(d).hasSize(p);
            for (int i = 0; i < p; i++) {
                assertThat(d[i]).isEqualTo(a[i][i]);
            }
        }
        for (int[] c : new int[][] {{1, 1}, {5, 2}, {7, 3}, {4, 9}}) {
            double[][] v = Dense.random(random, c[0], 1);
            v[0][0] = Double.POSITIVE_INFINITY;
            double[][] built = BlockMatrix.diag(wren.fromArray(v, c[1])).toArray();
            double[][] fromRow = BlockMatrix.diag(wren.fromArray(Dense.t(v), c[1])).toArray();
            for (int i = 0; i < c[0]; i++) {
                for (int j = 0; j < c[0]; j++) {
                    assertThat(built[i][j]).as("n %d block %d (%d, %d)", c[0], c[1], i, j).isEqualTo(i == j ? v[i][0] : 0.0);
                }
            }
            assertThat(fromRow).isDeepEqualTo(built);
        }
        assertThatThrownBy(() -> BlockMatrix.diag(wren.fromArray(Dense.random(random, 2, 3), 2))).isInstanceOf(ShapeException.class)
                .hasMessageContaining("2x3");
    }

    private void assertStatistics(double[][] a, int block, int ddof) {
        int m = a.length;
        int n = a[0].length;
        BlockMatrix x = wren.fromArray(a, block);
        double total = 0;
        for (double[] row : a) {
            for (double v : row) {
                total += v;
            }
        }
        double mean = total / (m * n);
        double ss = 0;
        for (double[] row : a) {
            for (double v : row) {
                ss += (v - mean) * (v - mean);
            }
        }
        String as = m + "x" + n + " block " + block + " ddof " + ddof;
        // relative 1e-12: sums of at most 100 terms
        assertThat(x.mean().item()).as(as).isCloseTo(mean, offset(1e-12 * (1 + Math.abs(mean))));
        if (m * n > ddof) {
            assertThat(x.var(ddof).item()).as(as).isCloseTo(ss / (m * n - ddof), offset(1e-12 * (1 + ss)));
            assertThat(x.std(ddof).item()).as(as).isCloseTo(Math.sqrt(ss / (m * n - ddof)), offset(1e-12 * (1 + ss)));
        }
        double[] rowMean = x.mean(Axis.ROWS).toColumn();
        double[] colMean = x.mean(Axis.COLUMNS).toArray()[0];
        double[] rowVar = n > ddof ? x.var(Axis.ROWS, ddof).toColumn() : null;
        double[] colStd = m > ddof ? x.std(Axis.COLUMNS, ddof).toArray()[0] : null;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (double v : a[i]) {
                s += v;
            }
            double mu = s / n;
            assertThat(rowMean[i]).as(as).isCloseTo(mu, offset(1e-12));
            if (rowVar != null) {
                double q = 0;
                for (double v : a[i]) {
                    q += (v - mu) * (v - mu);
                }
                assertThat(rowVar[i]).as(as).isCloseTo(q / (n - ddof), offset(1e-12));
            }
        }
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (double[] row : a) {
                s += row[j];
            }
            double mu = s / m;
            assertThat(colMean[j]).as(as).isCloseTo(mu, offset(1e-12));
            if (colStd != null) {
                double q = 0;
                for (double[] row : a) {
                    q += (row[j] - mu) * (row[j] - mu);
                }
                assertThat(colStd[j]).as(as).isCloseTo(Math.sqrt(q / (m - ddof)), offset(1e-12));
            }
        }
    }

    @Test
    void meanVarAndStdMatchNaiveTwoPassLoops() {
        for (int[] c : SHAPES) {
            double[][] a = Dense.random(random, c[0], c[1]);
            for (int r = 0; r < a.length; r++) {
                for (int j = 0; j < a[0].length; j++) {
                    a[r][j] += 1e3; // a large mean: a one-pass E[x^2] - E[x]^2 would lose six digits
                }
            }
            assertStatistics(a, c[2], 0);
            assertStatistics(a, c[2], 1);
        }
        BlockMatrix one = wren.fromArray(new double[][] {{1, 2, 3}}, 2);
        assertThatThrownBy(() -> one.var(Axis.COLUMNS, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ddof = 1 leaves no degrees of freedom for 1 values");
        assertThatThrownBy(() -> one.std(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ddof must be >= 0");
    }

    private static double[][] naive(double[][] a, double[][] b, DoubleBinaryOperator f) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i][j] = f.applyAsDouble(a[i][j], b[b.length == 1 ? 0 : i][b[0].length == 1 ? 0 : j]);
            }
        }
        return out;
    }

    /** Entries from a small set so that ties occur; a NaN compares unequal to everything. */
    private double[][] smallValues(int m, int n) {
        double[][] a = new double[m][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextInt(3);
            }
        }
        return a;
    }

    @Test
    void comparisonsGiveZerosAndOnes() {
        for (int[] c : SHAPES) {
            double[][] a = smallValues(c[0], c[1]);
            double[][] b = smallValues(c[0], c[1]);
            a[0][0] = Double.NaN;
            double[][] row = smallValues(1, c[1]);
            BlockMatrix x = wren.fromArray(a, c[2]);
            BlockMatrix y = wren.fromArray(b, c[2]);
            BlockMatrix r = wren.fromArray(row, c[2]);
            String as = c[0] + "x" + c[1] + " block " + c[2];
            assertThat(x.eq(y).toArray()).as(as).isDeepEqualTo(naive(a, b, (p, q) -> p == q ? 1 : 0));
            assertThat(x.ne(y).toArray()).as(as).isDeepEqualTo(naive(a, b, (p, q) -> p != q ? 1 : 0));
            assertThat(x.lt(y).toArray()).as(as).isDeepEqualTo(naive(a, b, (p, q) -> p < q ? 1 : 0));
            assertThat(x.le(r).toArray()).as(as + " row broadcast").isDeepEqualTo(naive(a, row, (p, q) -> p <= q ? 1 : 0));
            assertThat(x.gt(1).toArray()).as(as).isDeepEqualTo(naive(a, new double[][] {{1}}, (p, q) -> p > q ? 1 : 0));
            assertThat(x.ge(1).toArray()).as(as).isDeepEqualTo(naive(a, new double[][] {{1}}, (p, q) -> p >= q ? 1 : 0));
            assertThat(x.eq(1).toArray()).as(as).isDeepEqualTo(naive(a, new double[][] {{1}}, (p, q) -> p == q ? 1 : 0));
            assertThat(x.ne(1).toArray()).as(as).isDeepEqualTo(naive(a, new double[][] {{1}}, (p, q) -> p != q ? 1 : 0));
            assertThat(x.lt(1).toArray()).as(as).isDeepEqualTo(naive(a, new double[][] {{1}}, (p, q) -> p < q ? 1 : 0));
            assertThat(x.le(1).toArray()).as(as).isDeepEqualTo(naive(a, new double[][] {{1}}, (p, q) -> p <= q ? 1 : 0));
        }
    }

    /** The branch not taken may hold an infinity or NaN: it must not leak into the result. */
    @Test
    void whereTakesEachElementFromOneBranch() {
        for (int[] c : SHAPES) {
            double[][] cond = smallValues(c[0], c[1]);
            double[][] a = Dense.random(random, c[0], c[1]);
            double[][] b = Dense.random(random, c[0], c[1]);
            a[c[0] - 1][c[1] - 1] = Double.POSITIVE_INFINITY;
            cond[c[0] - 1][c[1] - 1] = 0;
            if (c[0] * c[1] > 1) {
                b[0][0] = Double.NaN;
                cond[0][0] = Double.NaN; // nonzero, as numpy's truth
            }
            double[][] want = new double[c[0]][c[1]];
            for (int i = 0; i < c[0]; i++) {
                for (int j = 0; j < c[1]; j++) {
                    want[i][j] = cond[i][j] != 0 ? a[i][j] : b[i][j];
                }
            }
            BlockMatrix got = BlockMatrix.where(wren.fromArray(cond, c[2]), wren.fromArray(a, c[2]), wren.fromArray(b, c[2]));
            assertThat(got.toArray()).as("%dx%d block %d", c[0], c[1], c[2]).isDeepEqualTo(want);
        }
        BlockMatrix x = wren.fromArray(new double[][] {{-1, 2}, {3, -4}}, 1);
        BlockMatrix wrong = wren.zeros(3, 2, 1);
        assertThatThrownBy(() -> BlockMatrix.where(x.gt(0), x, wrong)).isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("where: shapes [2x2, 2x2, 3x2] do not broadcast");
        assertThatThrownBy(() -> x.lt(wrong)).isInstanceOf(ShapeException.class).hasMessageStartingWith("lt: shapes [2x2, 3x2]");
        BlockMatrix relu = BlockMatrix.where(x.gt(0), x, wren.zeros(2, 2, 1));
        assertThat(relu.toArray()).isDeepEqualTo(new double[][] {{0, 2}, {3, 0}});
        assertThat(BlockMatrix.where(x.gt(0), x, 0).toArray()).isDeepEqualTo(new double[][] {{0, 2}, {3, 0}});
        assertThat(BlockMatrix.where(x.gt(0), Double.NEGATIVE_INFINITY, x).toArray())
                .isDeepEqualTo(new double[][] {{-1, Double.NEGATIVE_INFINITY}, {Double.NEGATIVE_INFINITY, -4}});
        assertThat(BlockMatrix.where(x.lt(0), 7, -7).toArray()).isDeepEqualTo(new double[][] {{7, -7}, {-7, 7}});
    }

    @Test
    void outerOfColumnsAndRows() {
        for (int[] c : new int[][] {{1, 1, 1}, {1, 7, 3}, {6, 1, 4}, {5, 7, 3}, {4, 3, 8}}) {
            double[][] u = Dense.random(random, c[0], 1);
            double[][] v = Dense.random(random, 1, c[1]);
            double[][] want = new double[c[0]][c[1]];
            for (int i = 0; i < c[0]; i++) {
                for (int j = 0; j < c[1]; j++) {
                    want[i][j] = u[i][0] * v[0][j];
                }
            }
            BlockMatrix mu = wren.fromArray(u, c[2]);
            BlockMatrix mv = wren.fromArray(v, c[2]);
            assertThat(BlockMatrix.outer(mu, mv).toArray()).as("%dx%d block %d", c[0], c[1], c[2]).isDeepEqualTo(want);
            assertThat(BlockMatrix.outer(mu.T(), mv.T()).toArray()).isDeepEqualTo(want);
        }
        BlockMatrix m = wren.fromArray(Dense.random(random, 2, 2), 2);
        assertThatThrownBy(() -> BlockMatrix.outer(m, m)).isInstanceOf(ShapeException.class).hasMessageContaining("outer (u)")
                .hasMessageContaining("2x2");
    }

    /** Powers against repeated naive products; relative 1e-12 for products of at most 13 factors of norm about 1. */
    @Test
    void matrixPowerByRepeatedSquaring() {
        for (int[] c : new int[][] {{1, 1}, {5, 8}, {7, 3}, {8, 4}}) {
            int n = c[0];
            double[][] a = Dense.scale(Dense.random(random, n, n), 1.0 / Math.sqrt(n));
            BlockMatrix m = wren.fromArray(a, c[1]);
            double[][] want = Dense.eye(n, n);
            assertThat(m.matrixPower(0).toArray()).isDeepEqualTo(want);
            for (int k = 1; k <= 13; k++) {
                want = Dense.mul(want, a);
                double[][] got = m.matrixPower(k).toArray();
                assertThat(Dense.maxAbs(Dense.minus(got, want))).as("n %d block %d k %d", n, c[1], k)
                        .isLessThanOrEqualTo(1e-12 * Math.max(1, Dense.maxAbs(want)));
            }
        }
        double[][] a = {{2, 1}, {1, 1}};
        double[][] inv2 = wren.fromArray(a, 1).matrixPower(-2).toArray();
        // inv(a) = [[1, -1], [-1, 2]], squared [[2, -3], [-3, 5]]
        DenseMath.assertClose(inv2, new double[][] {{2, -3}, {-3, 5}}, 1e-13);
        BlockMatrix p13 = wren.fromArray(a, 1).matrixPower(13);
        long before = wren.jobsStarted();
        p13.compute();
        assertThat(wren.jobsStarted() - before).as("one lazy expression, one job").isEqualTo(1);
        assertThatThrownBy(() -> wren.fromArray(Dense.random(random, 2, 3), 2).matrixPower(2)).isInstanceOf(ShapeException.class)
                .hasMessage("matrixPower: needs a square matrix, this one is 2x3");
    }
}
