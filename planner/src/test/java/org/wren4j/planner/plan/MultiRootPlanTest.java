package org.wren4j.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Lu;
import org.wren4j.planner.expr.LuPermute;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Solve;
import org.wren4j.planner.interp.PlanInterpreter;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.planner.rules.Rules;

/** Several roots planned into one program, run by the reference interpreter against dense math. */
class MultiRootPlanTest {
    private static final int B = 4;
    private final Random random = new Random(61);
    private final DenseInputs dense = new DenseInputs(B);

    private static Plan plan(MatrixExpr... roots) {
        return Planner.plan(List.of(roots), Rules.defaults());
    }

    private static long calus(Plan p) {
        return p.steps().stream().filter(s -> s.program().name().startsWith("calu")).count();
    }

    private Leaf iota(int n) {
        double[][] iota = new double[n][1];
        for (int i = 0; i < n; i++) {
            iota[i][0] = i;
        }
        return dense.put("iota", iota);
    }

    /** L, U and P of one matrix from one factorization, whichever part comes first, ragged and one-tile sizes. */
    @Test
    void luPartsShareOneFactorizationInAnyOrder() {
        for (int n : new int[] {13, 3}) {
            double[][] ad = Dense.random(random, n, n);
            Leaf a = dense.put("A", ad);
            Leaf index = iota(n);
            MatrixExpr l = new Lu(a, Lu.Part.L);
            MatrixExpr u = new Lu(a, Lu.Part.U);
            MatrixExpr p = new LuPermute(a, index);
            for (List<MatrixExpr> order : List.of(List.of(l, u, p), List.of(u, l, p), List.of(p, l, u), List.of(l, p, u))) {
                Plan plan = Planner.plan(order, Rules.defaults());
                assertThat(calus(plan)).as("n = %d, order %s", n, order).isEqualTo(1);
                assertThat(plan.outputs()).doesNotHaveDuplicates();
                for (String out : plan.outputs()) {
                    assertThat(plan.values().get(out).role()).isEqualTo(MatrixDecl.Role.OUTPUT);
                }
                List<double[][]> results = PlanInterpreter.runAll(plan, dense.values());
                double[][] ld = results.get(order.indexOf(l));
                double[][] ud = results.get(order.indexOf(u));
                double[][] perm = results.get(order.indexOf(p));
                double[][] pa = new double[n][];
                for (int r = 0; r < n; r++) {
                    pa[r] = ad[(int) perm[r][0]];
                }
                assertThat(Dense.maxAbs(Dense.minus(pa, Dense.mul(ld, ud))) / Dense.maxAbs(ad))
                        .as("|P A - L U| / |A|, n = %d, order %s", n, order).isLessThan(1e-13);
            }
        }
    }

    @Test
    void oneRootProductOfBothFactorsFactorsOnce() {
        Leaf a = dense.put("A", Dense.random(random, 9, 9));
        assertThat(calus(Planner.plan(new MatMul(new Lu(a, Lu.Part.L), new Lu(a, Lu.Part.U))))).isEqualTo(1);
        assertThat(calus(plan(new Solve(a, iota(9)), new Lu(a, Lu.Part.U)))).isEqualTo(1);
    }

    @Test
    void sharedSubExpressionIsComputedOnce() {
        double[][] ad = Dense.random(random, 10, 7);
        double[][] bd = Dense.random(random, 7, 9);
        double[][] cd = Dense.random(random, 10, 9);
        Leaf a = dense.put("A", ad);
        Leaf b = dense.put("B", bd);
        Leaf c = dense.put("C", cd);
        MatrixExpr ab = new MatMul(a, b);
        MatrixExpr abc = new Elementwise(List.of(ab, c), EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Binary(EwOp.BinaryFn.ADD)));
        Plan plan = plan(ab, abc, ab);
        assertThat(plan.steps()).extracting(s -> s.program().name()).filteredOn("gemm"::equals).hasSize(1);
        assertThat(plan.outputs().get(0)).as("the same root twice has one output").isEqualTo(plan.outputs().get(2));
        assertThat(plan.values().get(plan.outputs().get(0)).role()).as("an output read by a later step").isEqualTo(MatrixDecl.Role.OUTPUT);
        List<double[][]> r = PlanInterpreter.runAll(plan, dense.values());
        double[][] expected = Dense.mul(ad, bd);
        assertThat(Dense.maxAbs(Dense.minus(r.get(0), expected))).isLessThan(1e-14);
        assertThat(Dense.maxAbs(Dense.minus(r.get(1), Dense.plus(expected, cd)))).isLessThan(1e-14);
        assertThat(r.get(2)).isDeepEqualTo(r.get(0));
    }

    @Test
    void storedRootNeedsNoOutput() {
        double[][] ad = Dense.random(random, 6, 6);
        Leaf a = dense.put("A", ad);
        Plan plan = plan(new org.wren4j.planner.expr.Transpose(new org.wren4j.planner.expr.Transpose(a)), new MatMul(a, a));
        assertThat(plan.stored(0)).contains(a);
        assertThat(plan.stored(1)).isEmpty();
        assertThat(plan.outputs().get(0)).isEqualTo("A");
        assertThat(plan.values().values()).filteredOn(v -> v.role() == MatrixDecl.Role.OUTPUT).hasSize(1);
        List<double[][]> r = PlanInterpreter.runAll(plan, dense.values());
        assertThat(r.get(0)).isSameAs(ad);
        assertThat(Dense.maxAbs(Dense.minus(r.get(1), Dense.mul(ad, ad)))).isLessThan(1e-14);

        Plan none = plan(a, a);
        assertThat(none.program()).isEmpty();
        assertThat(Planner.explain(none)).contains("nothing to compute: A are stored");
    }

    @Test
    void explainNamesEveryRoot() {
        Leaf a = dense.put("A", Dense.random(random, 9, 9));
        String text = Planner.explain(plan(new Lu(a, Lu.Part.L), new Lu(a, Lu.Part.U)));
        assertThat(text).contains("expression 1:", "expression 2:", "results 1 = ", ", 2 = ");
        assertThat(Planner.explain(Planner.plan(new Lu(a, Lu.Part.U)))).contains("expression: ").doesNotContain("expression 1");
    }

    @Test
    void noRootsIsAnError() {
        assertThatThrownBy(() -> Planner.plan(List.of(), Rules.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no expressions");
    }
}
