package org.wren4j.planner.rules;

import java.util.Optional;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Transpose;
import org.wren4j.planner.expr.TriSolve;

/** {@code trisolve(T.T, B, lower, trans) -> trisolve(T, B, !lower, !trans)}: the solve reads T transposed in place. */
public final class TransposeIntoTriSolve implements Rule {
    @Override
    public String name() {
        return "TransposeIntoTriSolve";
    }

    @Override
    public Optional<MatrixExpr> apply(MatrixExpr node) {
        if (node instanceof TriSolve s && s.t() instanceof Transpose t) {
            return Optional.of(new TriSolve(t.arg(), s.b(), !s.lower(), !s.transpose()));
        }
        return Optional.empty();
    }
}
