package org.wren4j.planner.rules;

import java.util.Optional;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Transpose;

/** {@code x.T.T -> x}. */
public final class DoubleTranspose implements Rule {
    @Override
    public String name() {
        return "DoubleTranspose";
    }

    @Override
    public Optional<MatrixExpr> apply(MatrixExpr node) {
        return node instanceof Transpose t && t.arg() instanceof Transpose inner ? Optional.of(inner.arg()) : Optional.empty();
    }
}
