package org.wren4j.planner.rules;

import java.util.Optional;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Transpose;
import org.wren4j.planner.expr.TransposedProduct;

/** {@code x.T @ y -> x^T y} read tile by tile: the transpose is never formed. */
public final class TransposeIntoProduct implements Rule {
    @Override
    public String name() {
        return "TransposeIntoProduct";
    }

    @Override
    public Optional<MatrixExpr> apply(MatrixExpr node) {
        if (node instanceof MatMul m && m.left() instanceof Transpose t) {
            return Optional.of(new TransposedProduct(t.arg(), m.right()));
        }
        return Optional.empty();
    }
}
