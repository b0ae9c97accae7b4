package org.wren4j.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Lu;
import org.wren4j.planner.expr.LuPermute;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.ShapeMismatchException;
import org.wren4j.planner.expr.Solve;
import org.wren4j.planner.interp.PlanInterpreter;

/** LU plans run by the reference interpreter: P A = L U with L in the final row order, and general solves. */
class LuPlanTest {
    private static final int B = 4;
    private final Random random = new Random(23);
    private final DenseInputs dense = new DenseInputs(B);

    /** The first tile rows tiny: every panel's pivots come from lower tile rows. */
    private double[][] pivotHungry(int n) {
        double[][] a = Dense.random(random, n, n);
        for (int i = 0; i < n - B; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] *= 1e-3;
            }
        }
        return a;
    }

    /** A permutation matrix: zero leading entries everywhere, so nothing works without pivoting. */
    private static double[][] permutationMatrix(int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][(5 * i + 2) % n] = 1 + i;
        }
        return a;
    }

    private double[][] run(MatrixExpr e) {
        return PlanInterpreter.run(Planner.plan(e), dense.values());
    }

    private void assertFactors(String what, double[][] ad) {
        int n = ad.length;
        dense.clear();
        Leaf a = dense.put("A", ad);
        double[][] iota = new double[n][1];
        for (int i = 0; i < n; i++) {
            iota[i][0] = i;
        }
        Leaf index = dense.put("iota", iota);
        double[][] l = run(new Lu(a, Lu.Part.L));
        double[][] u = run(new Lu(a, Lu.Part.U));
        double[][] perm = run(new LuPermute(a, index));
        Set<Integer> seen = new HashSet<>();
        for (double[] p : perm) {
            assertThat(p[0]).as("%s: permutation entries are row indices", what).isEqualTo(Math.rint(p[0]));
            seen.add((int) p[0]);
        }
        assertThat(seen).as("%s: a permutation", what).hasSize(n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                assertThat(l[i][j]).as("%s: L unit lower at (%d, %d)", what, i, j).isEqualTo(i == j ? 1.0 : 0.0);
                if (j > i) {
                    assertThat(u[j][i]).as("%s: U upper at (%d, %d)", what, j, i).isZero();
                }
            }
        }
        double[][] pa = new double[n][];
        for (int r = 0; r < n; r++) {
            pa[r] = ad[(int) perm[r][0]];
        }
        double scale = Dense.maxAbs(ad);
        assertThat(Dense.maxAbs(Dense.minus(pa, Dense.mul(l, u))) / scale).as("%s: |P A - L U| / |A|", what).isLessThan(1e-12);
        // partial pivoting within the tournament keeps L bounded
        assertThat(Dense.maxAbs(l)).as("%s: |L|", what).isLessThan(50);
    }

    @Test
    void factorsReproducePermutedMatrix() {
        assertFactors("random ragged 13x13", Dense.random(random, 13, 13));
        assertFactors("random, whole tiles 12x12", Dense.random(random, 12, 12));
        assertFactors("one ragged tile 3x3", Dense.random(random, 3, 3));
        assertFactors("pivots from lower tile rows 14x14", pivotHungry(14));
        assertFactors("permutation matrix 11x11", permutationMatrix(11));
    }

    @Test
    void generalSolveByLu() {
        for (int n : new int[] {3, 13, 16}) {
            for (double[][] ad : new double[][][] {Dense.random(random, n, n), pivotHungry(n), permutationMatrix(n)}) {
                dense.clear();
                Leaf a = dense.put("A", ad);
                double[][] bd = Dense.random(random, n, 6);
                Leaf b = dense.put("b", bd);
                Plan plan = Planner.plan(new Solve(a, b));
                assertThat(plan.steps()).extracting(s -> s.program().name()).containsExactly("calu", "lu_forward", "trsm_left_upper");
                double[][] x = PlanInterpreter.run(plan, dense.values());
                double residual = Dense.maxAbs(Dense.minus(Dense.mul(ad, x), bd));
                assertThat(residual / (Dense.maxAbs(ad) * Dense.maxAbs(x) * n)).as("relative residual, n = %d", n).isLessThan(1e-13);
            }
        }
    }

    @Test
    void oneFactorizationServesSolveAndPermutation() {
        Leaf a = dense.put("A", Dense.random(random, 9, 9));
        Leaf b = dense.put("b", Dense.random(random, 9, 1));
        MatrixExpr both = new org.wren4j.planner.expr.MatMul(new LuPermute(a, b), new org.wren4j.planner.expr.Transpose(new Solve(a, b)));
        assertThat(Planner.plan(both).steps()).extracting(s -> s.program().name()).filteredOn("calu"::equals).hasSize(1);
    }

    @Test
    void zeroColumnFailsAsSingular() {
        double[][] ad = Dense.random(random, 10, 10);
        for (int i = 0; i < 10; i++) {
            ad[i][6] = 0;
        }
        Leaf a = dense.put("A", ad);
        Leaf b = dense.put("b", Dense.random(random, 10, 1));
        assertThatThrownBy(() -> run(new Solve(a, b))).hasStackTraceContaining("singular");
    }

    @Test
    void luNeedsSquareMatrix() {
        Leaf a = dense.put("A", Dense.random(random, 7, 5));
        assertThatThrownBy(() -> new Lu(a, Lu.Part.L)).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("7x5");
    }

    @Test
    void solveOfAComputedMatrixInOneProgram() {
        double[][] ad = Dense.random(random, 14, 14);
        double[][] cd = Dense.random(random, 14, 14);
        Leaf a = dense.put("A", ad);
        Leaf c = dense.put("C", cd);
        double[][] bd = Dense.random(random, 14, 2);
        Leaf b = dense.put("b", bd);
        double[][] x = run(new Solve(new org.wren4j.planner.expr.MatMul(a, c), b));
        double[][] ac = Dense.mul(ad, cd);
        assertThat(Dense.maxAbs(Dense.minus(Dense.mul(ac, x), bd)) / (Dense.maxAbs(ac) * Dense.maxAbs(x) * 14)).isLessThan(1e-13);
    }

    @Test
    void productOfTheFactorsInOnePlanIsThePermutedMatrix() {
        double[][] ad = pivotHungry(13);
        Leaf a = dense.put("A", ad);
        double[][] iota = new double[13][1];
        for (int r = 0; r < 13; r++) {
            iota[r][0] = r;
        }
        double[][] perm = run(new LuPermute(a, dense.put("iota", iota)));
        double[][] lu = run(new org.wren4j.planner.expr.MatMul(new Lu(a, Lu.Part.L), new Lu(a, Lu.Part.U)));
        for (int r = 0; r < 13; r++) {
            for (int c = 0; c < 13; c++) {
                assertThat(lu[r][c]).as("(L U)[%d, %d]", r, c).isCloseTo(ad[(int) perm[r][0]][c], org.assertj.core.data.Offset.offset(1e-14));
            }
        }
    }
}
