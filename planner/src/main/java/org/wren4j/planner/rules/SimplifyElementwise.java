package org.wren4j.planner.rules;

import java.util.Optional;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.planner.expr.MatrixExpr;

/** Folds scalars in an element-wise program ({@link EwSimplifier}); the identity of one full-shape input is that input. */
public final class SimplifyElementwise implements Rule {
    @Override
    public String name() {
        return "SimplifyElementwise";
    }

    @Override
    public Optional<MatrixExpr> apply(MatrixExpr node) {
        if (!(node instanceof Elementwise e)) {
            return Optional.empty();
        }
        EwProgram simpler = EwSimplifier.simplify(e.program());
        if (simpler.ops().size() == 1 && simpler.ops().get(0) instanceof EwOp.Load l && e.inputs().get(l.input()).shape().equals(e.shape())
                && e.inputs().size() == 1) {
            return Optional.of(e.inputs().get(0));
        }
        return simpler.equals(e.program()) ? Optional.empty() : Optional.of(new Elementwise(e.inputs(), simpler));
    }
}
