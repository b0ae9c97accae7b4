package org.wren4j.planner.rules;

import java.util.Optional;
import org.wren4j.planner.expr.Gram;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Transpose;
import org.wren4j.planner.expr.TransposedProduct;

/** {@code x.T @ x -> gram(x)}: SYRK, half the flops, a symmetric (PSD) result. */
public final class GramFromProduct implements Rule {
    @Override
    public String name() {
        return "GramFromProduct";
    }

    @Override
    public Optional<MatrixExpr> apply(MatrixExpr node) {
        if (node instanceof MatMul m && m.left() instanceof Transpose t && t.arg().equals(m.right())) {
            return Optional.of(new Gram(m.right()));
        }
        if (node instanceof TransposedProduct p && p.left().equals(p.right())) {
            return Optional.of(new Gram(p.left()));
        }
        return Optional.empty();
    }
}
