package org.wren4j.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.expr.Axis;
import org.wren4j.planner.expr.Diagonal;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.planner.expr.Gram;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Reduction;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Solve;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.expr.Transpose;
import org.wren4j.planner.interp.PlanInterpreter;
import org.wren4j.planner.library.ReduceOp;

/** Plans run by the reference interpreter against naive dense math, on ragged grids. */
class PlanSemanticsTest {
    private static final int B = 4;
    private final Random random = new Random(17);
    private final Map<String, double[][]> dense = new HashMap<>();

    private Leaf leaf(String name, int rows, int cols, Structure s) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextDouble() - 0.5;
            }
        }
        if (s == Structure.SPD) {
            a = Dense.plus(Dense.mul(Dense.t(a), a), Dense.eye(rows, rows));
        }
        dense.put(name, a);
        return new Leaf(name, new Shape(rows, cols), B, s);
    }

    private double[][] run(MatrixExpr e) {
        return PlanInterpreter.run(Planner.plan(e), dense);
    }

    private static MatrixExpr ew(EwProgram p, MatrixExpr... in) {
        return new Elementwise(List.of(in), p);
    }

    private static EwProgram bin(EwOp.BinaryFn fn) {
        return EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Binary(fn));
    }

    @Test
    void ridgeRegressionByNormalEquations() {
        Leaf x = leaf("X", 23, 9, Structure.GENERAL);
        Leaf y = leaf("y", 23, 1, Structure.GENERAL);
        Leaf eye = new Leaf("I", new Shape(9, 9), B, Structure.SPD);
        dense.put("I", Dense.eye(9, 9));
        double lambda = 0.7;
        // X.T @ X + lambda I, solved against X.T @ y
        MatrixExpr a = ew(EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Const(lambda), new EwOp.Binary(EwOp.BinaryFn.MUL),
                new EwOp.Binary(EwOp.BinaryFn.ADD)), new MatMul(new Transpose(x), x), eye);
        assertThat(a.structure()).isEqualTo(Structure.SPD);
        MatrixExpr w = new Solve(a, new MatMul(new Transpose(x), y));
        Plan plan = Planner.plan(w);
        assertThat(plan.rules()).contains("GramFromProduct", "TransposeIntoProduct", "SolveByCholesky");
        assertThat(plan.steps()).extracting(s -> s.program().name())
                .containsExactly("gram", "ew", "cholesky", "gemm_tn", "trsm_left_lower", "trsm_left_lower_t");
        double[][] got = PlanInterpreter.run(plan, dense);
        double[][] xd = dense.get("X");
        double[][] normal = Dense.plus(Dense.mul(Dense.t(xd), xd), Dense.scale(Dense.eye(9, 9), lambda));
        double[][] rhs = Dense.mul(Dense.t(xd), dense.get("y"));
        assertThat(Dense.maxAbs(Dense.minus(Dense.mul(normal, got), rhs))).isLessThan(1e-12);
    }

    @Test
    void nearestNeighboursByDistancesAndArgmin() {
        Leaf q = leaf("Q", 13, 5, Structure.GENERAL);
        Leaf p = leaf("P", 11, 5, Structure.GENERAL);
        // |q|^2 - 2 Q P^T + |p|^2: row norms as a column, point norms as a row, broadcast
        MatrixExpr qn = new Reduction(ew(EwProgram.input().then(EwOp.UnaryFn.SQUARE), q), ReduceOp.SUM, Axis.ROWS);
        MatrixExpr pn = new Transpose(new Reduction(ew(EwProgram.input().then(EwOp.UnaryFn.SQUARE), p), ReduceOp.SUM, Axis.ROWS));
        MatrixExpr cross = new MatMul(q, new Transpose(p));
        MatrixExpr dist = ew(EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Const(2), new EwOp.Binary(EwOp.BinaryFn.MUL),
                new EwOp.Binary(EwOp.BinaryFn.SUB), new EwOp.Load(2), new EwOp.Binary(EwOp.BinaryFn.ADD)), qn, cross, pn);
        double[][] nearest = run(new Reduction(dist, ReduceOp.ARGMIN, Axis.ROWS));
        double[][] qd = dense.get("Q");
        double[][] pd = dense.get("P");
        for (int i = 0; i < 13; i++) {
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < 11; j++) {
                double d = 0;
                for (int c = 0; c < 5; c++) {
                    d += (qd[i][c] - pd[j][c]) * (qd[i][c] - pd[j][c]);
                }
                if (d < bestD) {
                    bestD = d;
                    best = j;
                }
            }
            assertThat(nearest[i][0]).as("nearest of query %d", i).isEqualTo(best);
        }
    }

    @Test
    void symmetricIntermediateIsMirroredForAFullConsumer() {
        Leaf x = leaf("X", 10, 7, Structure.GENERAL);
        Leaf g = leaf("G", 7, 7, Structure.GENERAL);
        MatrixExpr e = ew(bin(EwOp.BinaryFn.SUB), new Gram(x), g);
        Plan plan = Planner.plan(e);
        assertThat(plan.steps()).extracting(s -> s.program().name()).containsExactly("gram", "mirror", "ew");
        double[][] xd = dense.get("X");
        assertThat(Dense.maxAbs(Dense.minus(PlanInterpreter.run(plan, dense), Dense.minus(Dense.mul(Dense.t(xd), xd), dense.get("G")))))
                .isLessThan(1e-12);
        // a symmetric result stays lower-only and is read back mirrored
        assertThat(Dense.maxAbs(Dense.minus(run(new Gram(x)), Dense.mul(Dense.t(xd), xd)))).isLessThan(1e-12);
    }

    @Test
    void traceSumsAndNorms() {
        Leaf a = leaf("A", 9, 9, Structure.GENERAL);
        double[][] ad = dense.get("A");
        double trace = 0;
        double fro = 0;
        for (int i = 0; i < 9; i++) {
            trace += ad[i][i];
            for (int j = 0; j < 9; j++) {
                fro += ad[i][j] * ad[i][j];
            }
        }
        assertThat(run(new Reduction(new Diagonal(a), ReduceOp.SUM, Axis.COLUMNS))[0][0]).isCloseTo(trace, org.assertj.core.data.Offset.offset(1e-12));
        MatrixExpr norm = new Reduction(new Reduction(a, ReduceOp.NORM2, Axis.ROWS), ReduceOp.NORM2, Axis.COLUMNS);
        assertThat(run(norm)[0][0]).isCloseTo(Math.sqrt(fro), org.assertj.core.data.Offset.offset(1e-12));
        double[][] colMax = run(new Reduction(a, ReduceOp.MAX, Axis.COLUMNS));
        for (int j = 0; j < 9; j++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < 9; i++) {
                m = Math.max(m, ad[i][j]);
            }
            assertThat(colMax[0][j]).isEqualTo(m);
        }
    }

    @Test
    void storedMatrixNeedsNoProgram() {
        Leaf a = leaf("A", 6, 6, Structure.GENERAL);
        Plan plan = Planner.plan(new Transpose(new Transpose(a)));
        assertThat(plan.program()).isEmpty();
        assertThat(plan.output()).isEqualTo("A");
    }
}
