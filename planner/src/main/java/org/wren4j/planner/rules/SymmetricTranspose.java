package org.wren4j.planner.rules;

import java.util.Optional;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Transpose;

/** {@code s.T -> s} for a matrix symmetric by construction. */
public final class SymmetricTranspose implements Rule {
    @Override
    public String name() {
        return "SymmetricTranspose";
    }

    @Override
    public Optional<MatrixExpr> apply(MatrixExpr node) {
        return node instanceof Transpose t && t.arg().structure().symmetric() ? Optional.of(t.arg()) : Optional.empty();
    }
}
