package org.wren4j.planner.rules;

import java.util.Optional;
import org.wren4j.planner.expr.Cholesky;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Solve;
import org.wren4j.planner.expr.TriSolve;

/**
 * {@code solve(A, B) -> L^-T (L^-1 B)} with {@code L = cholesky(A)} for A positive (semi)definite
 * by construction: two triangular solves, the second reading L transposed in place.
 */
public final class SolveByCholesky implements Rule {
    @Override
    public String name() {
        return "SolveByCholesky";
    }

    @Override
    public Optional<MatrixExpr> apply(MatrixExpr node) {
        if (node instanceof Solve s && s.a().structure().definite()) {
            MatrixExpr l = new Cholesky(s.a());
            return Optional.of(new TriSolve(l, new TriSolve(l, s.b(), true, false), true, true));
        }
        return Optional.empty();
    }
}
