package org.wren4j.planner.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.planner.expr.MatrixExpr;

/**
 * Inlines an element-wise input into its element-wise consumer, and reads an operand that
 * appears twice once: a chain of element-wise operations becomes one kernel per tile. Inlining
 * commutes with broadcasting, since every operation is element by element.
 */
public final class FuseElementwise implements Rule {
    @Override
    public String name() {
        return "FuseElementwise";
    }

    @Override
    public Optional<MatrixExpr> apply(MatrixExpr node) {
        if (!(node instanceof Elementwise e)) {
            return Optional.empty();
        }
        boolean nested = e.inputs().stream().anyMatch(in -> in instanceof Elementwise);
        boolean repeated = e.inputs().stream().distinct().count() < e.inputs().size();
        if (!nested && !repeated) {
            return Optional.empty();
        }
        List<MatrixExpr> inputs = new ArrayList<>();
        List<EwProgram> replacement = new ArrayList<>();
        for (MatrixExpr in : e.inputs()) {
            if (in instanceof Elementwise inner) {
                List<EwProgram> innerLoads = new ArrayList<>();
                for (MatrixExpr x : inner.inputs()) {
                    innerLoads.add(load(inputs, x));
                }
                replacement.add(inner.program().substitute(innerLoads));
            } else {
                replacement.add(load(inputs, in));
            }
        }
        return Optional.of(new Elementwise(inputs, e.program().substitute(replacement)));
    }

    /** A program loading {@code x}, adding it to the inputs unless it is there already. */
    private static EwProgram load(List<MatrixExpr> inputs, MatrixExpr x) {
        int at = inputs.indexOf(x);
        if (at < 0) {
            at = inputs.size();
            inputs.add(x);
        }
        return EwProgram.of(new EwOp.Load(at));
    }
}
