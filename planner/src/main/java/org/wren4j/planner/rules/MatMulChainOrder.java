package org.wren4j.planner.rules;

import java.util.Optional;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;

/**
 * Re-associates a product of three matrices when the other order needs strictly fewer flops:
 * {@code (A B) C} costs {@code m k n + m n p}, {@code A (B C)} costs {@code k n p + m k p}.
 */
public final class MatMulChainOrder implements Rule {
    @Override
    public String name() {
        return "MatMulChainOrder";
    }

    @Override
    public Optional<MatrixExpr> apply(MatrixExpr node) {
        if (!(node instanceof MatMul top)) {
            return Optional.empty();
        }
        if (top.left() instanceof MatMul ab) {
            double m = ab.left().shape().rows();
            double k = ab.left().shape().cols();
            double n = ab.right().shape().cols();
            double p = top.right().shape().cols();
            if (k * n * p + m * k * p < m * k * n + m * n * p) {
                return Optional.of(new MatMul(ab.left(), new MatMul(ab.right(), top.right())));
            }
        }
        if (top.right() instanceof MatMul bc) {
            double m = top.left().shape().rows();
            double k = top.left().shape().cols();
            double n = bc.left().shape().cols();
            double p = bc.right().shape().cols();
            if (m * k * n + m * n * p < k * n * p + m * k * p) {
                return Optional.of(new MatMul(new MatMul(top.left(), bc.left()), bc.right()));
            }
        }
        return Optional.empty();
    }
}
