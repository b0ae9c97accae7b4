package org.wren4j.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Retile;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.ShapeMismatchException;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.interp.PlanInterpreter;

/** Slices and re-tilings run by the reference interpreter against naive loops, on ragged grids. */
class RetileTest {
    private static final int B = 4;
    private final Map<String, double[][]> dense = new HashMap<>();
    private final Leaf a;

    RetileTest() {
        Random random = new Random(3);
        double[][] ad = new double[23][17];
        for (double[] row : ad) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble();
            }
        }
        dense.put("A", ad);
        a = new Leaf("A", new Shape(23, 17), B, Structure.GENERAL);
    }

    private static double[][] naive(double[][] x, int r0, int r1, int c0, int c1) {
        double[][] out = new double[r1 - r0][c1 - c0];
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                out[r - r0][c - c0] = x[r][c];
            }
        }
        return out;
    }

    private void assertSlice(MatrixExpr arg, double[][] argDense, int r0, int r1, int c0, int c1, int block) {
        Retile r = new Retile(arg, r0, r1, c0, c1, block);
        double[][] got = PlanInterpreter.run(Planner.plan(r), dense);
        assertThat(got).as("%s", r).isDeepEqualTo(naive(argDense, r0, r1, c0, c1));
    }

    @Test
    void slicesMatchNaiveLoops() {
        double[][] ad = dense.get("A");
        int[][] cases = {{4, 16, 8, 17}, {0, 23, 0, 17}, {3, 21, 5, 6}, {22, 23, 1, 16}, {1, 2, 2, 3}, {5, 23, 0, 11}};
        for (int[] c : cases) {
            assertSlice(a, ad, c[0], c[1], c[2], c[3], B);
        }
    }

    @Test
    void rebalanceToSmallerAndLargerTiles() {
        double[][] ad = dense.get("A");
        for (int block : new int[] {1, 3, 5, 7, 9, 23, 64}) {
            assertSlice(a, ad, 0, 23, 0, 17, block);
            assertSlice(a, ad, 2, 19, 3, 14, block);
        }
    }

    @Test
    void alignedSlicesCopyWholeTilesAndOthersRetileInTwoPasses() {
        assertThat(Planner.plan(new Retile(a, 4, 16, 8, 17, B)).steps()).extracting(s -> s.program().name()).containsExactly("window");
        assertThat(Planner.plan(new Retile(a, 3, 16, 8, 17, B)).steps()).extracting(s -> s.program().name())
                .containsExactly("retile_rows", "retile_cols");
    }

    @Test
    void sliceOfAComputedMatrixInTheSameProgram() {
        double[][] ad = dense.get("A");
        Leaf bt = new Leaf("Bt", new Shape(17, 23), B, Structure.GENERAL);
        dense.put("Bt", org.wren4j.planner.plan.Dense.t(ad));
        double[][] product = Dense.mul(ad, Dense.t(ad));
        MatrixExpr p = new MatMul(a, bt);
        Retile r = new Retile(p, 2, 21, 5, 23, 6);
        double[][] got = PlanInterpreter.run(Planner.plan(r), dense);
        double[][] want = naive(product, 2, 21, 5, 23);
        assertThat(Dense.maxAbs(Dense.minus(got, want))).isLessThan(1e-12);
    }

    @Test
    void rangesOutsideTheMatrixSayWhat() {
        assertThatThrownBy(() -> new Retile(a, 0, 24, 0, 3, B)).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("23x17");
        assertThatThrownBy(() -> new Retile(a, 5, 5, 0, 3, B)).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("non-empty");
    }
}
