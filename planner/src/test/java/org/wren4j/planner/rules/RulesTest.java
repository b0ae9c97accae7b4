package org.wren4j.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wren4j.planner.rules.RuleTester.assertRule;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Solve;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.expr.Transpose;
import org.wren4j.planner.expr.TriSolve;

class RulesTest {
    static Leaf leaf(String name, long rows, long cols) {
        return new Leaf(name, new Shape(rows, cols), 4, Structure.GENERAL);
    }

    static Leaf leaf(String name, long n, Structure s) {
        return new Leaf(name, new Shape(n, n), 4, s);
    }

    static MatrixExpr scale(MatrixExpr x, double c) {
        return new Elementwise(List.of(x), EwProgram.input().then(EwOp.BinaryFn.MUL, c));
    }

    private final Leaf x = leaf("X", 10, 3);
    private final Leaf y = leaf("y", 10, 1);

    @Test
    void doubleTranspose() {
        assertRule(new DoubleTranspose()).on(new Transpose(new Transpose(x))).matches("X");
        assertRule(new DoubleTranspose()).on(new Transpose(x)).doesNotFire();
    }

    @Test
    void symmetricTranspose() {
        assertRule(new SymmetricTranspose()).on(new Transpose(leaf("S", 5, Structure.SPD))).matches("S");
        assertRule(new SymmetricTranspose()).on(new Transpose(leaf("L", 5, Structure.LOWER))).doesNotFire();
    }

    @Test
    void gramFromProduct() {
        assertRule(new GramFromProduct()).on(new MatMul(new Transpose(x), x)).matches("gram(X)");
        assertRule(new GramFromProduct()).on(new MatMul(new Transpose(x), leaf("Z", 10, 3))).doesNotFire();
        assertRule(new GramFromProduct()).on(new MatMul(x, new Transpose(x))).doesNotFire();
    }

    @Test
    void transposeIntoProduct() {
        assertRule(new TransposeIntoProduct()).on(new MatMul(new Transpose(x), y)).matches("(X.T @ y)");
        assertRule(new TransposeIntoProduct()).on(new MatMul(x, new Transpose(x))).doesNotFire();
    }

    @Test
    void matmulChainOrderPicksTheCheaperAssociation() {
        Leaf a = leaf("A", 100, 100);
        Leaf b = leaf("B", 100, 100);
        Leaf v = leaf("v", 100, 1);
        // (A B) v: 1e6 + 1e4 flops; A (B v): 1e4 + 1e4
        assertRule(new MatMulChainOrder()).on(new MatMul(new MatMul(a, b), v)).matches("(A @ (B @ v))");
        assertRule(new MatMulChainOrder()).on(new MatMul(a, new MatMul(b, v))).doesNotFire();
        Leaf w = leaf("w", 1, 100);
        assertRule(new MatMulChainOrder()).on(new MatMul(w, new MatMul(a, b))).matches("((w @ A) @ B)");
    }

    @Test
    void solveOfDefiniteMatrixIsTwoTriangularSolves() {
        Leaf s = leaf("S", 10, Structure.SPD);
        assertRule(new SolveByCholesky()).on(new Solve(s, y))
                .matches("trisolve_lower_t(cholesky(S), trisolve_lower(cholesky(S), y))");
        assertRule(new SolveByCholesky()).on(new Solve(leaf("G", 10, 10), y)).doesNotFire();
        assertRule(new SolveTriangular()).on(new Solve(leaf("U", 10, Structure.UPPER), y)).matches("trisolve_upper(U, y)");
        assertRule(new TransposeIntoTriSolve()).on(new TriSolve(new Transpose(leaf("L", 10, Structure.LOWER)), y, false, false))
                .matches("trisolve_lower_t(L, y)");
    }

    @Test
    void elementwiseChainsFuseAndScalarsFold() {
        MatrixExpr chain = scale(scale(x, 2), 3);
        MatrixExpr fused = assertRule(new FuseElementwise()).on(chain).matches("ew[x0 2.0 mul 3.0 mul](X)");
        assertRule(new SimplifyElementwise()).on(fused).matches("ew[x0 6.0 mul](X)");
        // a + a reads a once
        Elementwise twice = new Elementwise(List.of(x, x), EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Binary(EwOp.BinaryFn.ADD)));
        assertRule(new FuseElementwise()).on(twice).matches("ew[x0 x0 add](X)");
        assertRule(new SimplifyElementwise()).on(scale(x, 1)).matches("X");
    }

    @Test
    void engineRunsToAFixedPointAndRecordsRules() {
        // ((X.T.T).T @ X) * 2 * 0.5 -> gram(X)
        MatrixExpr e = scale(scale(new MatMul(new Transpose(new Transpose(new Transpose(x))), x), 2), 0.5);
        RuleEngine.Rewrite rw = RuleEngine.rewrite(e, Rules.defaults());
        assertThat(rw.result().toString()).isEqualTo("gram(X)");
        assertThat(rw.applied()).contains("DoubleTranspose", "GramFromProduct", "FuseElementwise", "SimplifyElementwise");
    }

    @Test
    void simplifierKeepsValues() {
        EwProgram p = EwProgram.of(new EwOp.Load(0), new EwOp.Const(3), new EwOp.Binary(EwOp.BinaryFn.SUB), new EwOp.Const(4),
                new EwOp.Binary(EwOp.BinaryFn.DIV), new EwOp.Unary(EwOp.UnaryFn.NEG), new EwOp.Unary(EwOp.UnaryFn.NEG));
        EwProgram q = EwSimplifier.simplify(p);
        assertThat(q.toString()).isEqualTo("x0 -3.0 add 0.25 mul");
        for (double v : new double[] {-7, 0, 1.5, 1e300, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThat(Double.valueOf(q.eval(new double[] {v}))).isEqualTo(Double.valueOf(p.eval(new double[] {v})));
        }
    }
}
