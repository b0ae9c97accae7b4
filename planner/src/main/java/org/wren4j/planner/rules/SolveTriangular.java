package org.wren4j.planner.rules;

import java.util.Optional;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Solve;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.expr.TriSolve;

/** {@code solve(T, B) -> trisolve(T, B)} for T triangular by construction. */
public final class SolveTriangular implements Rule {
    @Override
    public String name() {
        return "SolveTriangular";
    }

    @Override
    public Optional<MatrixExpr> apply(MatrixExpr node) {
        if (node instanceof Solve s && s.a().structure().triangular()) {
            return Optional.of(new TriSolve(s.a(), s.b(), s.a().structure() == Structure.LOWER, false));
        }
        return Optional.empty();
    }
}
