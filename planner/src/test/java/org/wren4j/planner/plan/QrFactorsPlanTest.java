package org.wren4j.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.QrQ;
import org.wren4j.planner.expr.QrR;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.interp.PlanInterpreter;
import org.wren4j.planner.rules.Rules;

/** Thin Q and R from one factorization, run by the reference interpreter, checked by Q R = A, Q^T Q = I and R upper. */
class QrFactorsPlanTest {
    private final Random random = new Random(23);

    /** The first n columns of the m x m identity as {@code i == j} of broadcast index vectors. */
    private static MatrixExpr thinIdentity(int m, int n, int block, Map<String, double[][]> dense) {
        double[][] rows = new double[m][1];
        double[][] cols = new double[1][n];
        for (int i = 0; i < m; i++) {
            rows[i][0] = i;
        }
        for (int j = 0; j < n; j++) {
            cols[0][j] = j;
        }
        dense.put("Ri", rows);
        dense.put("Ci", cols);
        return new Elementwise(List.of(new Leaf("Ri", new Shape(m, 1), block, Structure.GENERAL),
                new Leaf("Ci", new Shape(1, n), block, Structure.GENERAL)),
                EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Binary(EwOp.BinaryFn.EQ)));
    }

    private static MatrixExpr storedIdentity(int m, int n, int block, Map<String, double[][]> dense) {
        dense.put("I", Dense.eye(m, n));
        return new Leaf("I", new Shape(m, n), block, Structure.GENERAL);
    }

    /** m, n, block: 1x1, one tile column (tall, ragged, block > matrix), several tile columns square and tall. */
    @Test
    void qTimesREqualsAOnRaggedGrids() {
        int[][] cases = {{1, 1, 1}, {1, 1, 4}, {9, 3, 4}, {13, 4, 4}, {5, 3, 8}, {7, 7, 3}, {11, 5, 2}, {12, 8, 4}, {10, 10, 4}};
        for (int[] c : cases) {
            int m = c[0];
            int n = c[1];
            double[][] a = Dense.random(random, m, n);
            Map<String, double[][]> dense = new HashMap<>();
            dense.put("A", a);
            Leaf la = new Leaf("A", new Shape(m, n), c[2], Structure.GENERAL);
            MatrixExpr eye = storedIdentity(m, n, c[2], dense);
            Plan plan = Planner.plan(List.of(new QrQ(la, eye), new QrR(la, true)), Rules.defaults());
            assertThat(plan.steps()).as("one factorization").filteredOn(s -> s.operation().startsWith("qr (")).hasSize(1);
            List<double[][]> out = PlanInterpreter.runAll(plan, dense);
            double[][] q = out.get(0);
            double[][] r = out.get(1);
            String as = m + "x" + n + " block " + c[2];
            assertThat(q.length).isEqualTo(m);
            assertThat(q[0].length).isEqualTo(n);
            assertThat(r.length).isEqualTo(n);
            // 1e-13: a few roundings per flop on entries below 1
            assertThat(Dense.maxAbs(Dense.minus(Dense.mul(q, r), a))).as(as + " Q R - A").isLessThan(1e-13);
            assertThat(Dense.maxAbs(Dense.minus(Dense.mul(Dense.t(q), q), Dense.eye(n, n)))).as(as + " Q^T Q - I").isLessThan(1e-13);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    assertThat(r[i][j]).as(as + " R below the diagonal").isZero();
                }
            }
        }
    }

    /**
     * caqr_q/tsqr_q start their working copies from B's tiles: with B computed in the same
     * program (the identity as {@code i == j} of index vectors) the one program still gives the
     * thin Q (the implicit graph follows the copies into B's writer; see QrQGraphTest).
     */
    @Test
    void identityComputedInTheSameProgram() {
        for (int[] c : new int[][] {{11, 5, 2}, {9, 3, 4}, {7, 7, 3}, {1, 1, 1}}) {
            Map<String, double[][]> dense = new HashMap<>();
            double[][] a = Dense.random(random, c[0], c[1]);
            dense.put("A", a);
            Leaf la = new Leaf("A", new Shape(c[0], c[1]), c[2], Structure.GENERAL);
            Plan plan = Planner.plan(List.of(new QrQ(la, thinIdentity(c[0], c[1], c[2], dense)), new QrR(la, true)), Rules.defaults());
            List<double[][]> out = PlanInterpreter.runAll(plan, dense);
            // 1e-13: a few roundings per flop on entries below 1
            assertThat(Dense.maxAbs(Dense.minus(Dense.mul(out.get(0), out.get(1)), a))).as(c[0] + "x" + c[1] + " Q R - A").isLessThan(1e-13);
        }
    }
}
