package org.wren4j.planner.rules;

import java.util.ArrayList;
import java.util.List;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwOp.BinaryFn;
import org.wren4j.planner.expr.EwOp.Const;
import org.wren4j.planner.expr.EwProgram;

/**
 * Peephole simplification of element-wise programs, to a fixed point: constant folding,
 * {@code (x a *) b *} to {@code x (a b) *} (likewise +), {@code x c -} to {@code x (-c) +},
 * {@code x / c} to {@code x * (1/c)}, dropping {@code * 1} and {@code + 0}, and {@code neg neg}.
 * Every step gives the same value for every finite or infinite input, up to rounding of the folded constants.
 */
public final class EwSimplifier {
    private EwSimplifier() {
    }

    public static EwProgram simplify(EwProgram program) {
        List<EwOp> ops = new ArrayList<>(program.ops());
        boolean changed = true;
        while (changed) {
            changed = step(ops);
        }
        return new EwProgram(ops);
    }

    private static boolean step(List<EwOp> ops) {
        for (int i = 0; i < ops.size(); i++) {
            EwOp op = ops.get(i);
            // c1 c2 f -> f(c1, c2)
            if (op instanceof EwOp.Binary b && i >= 2 && ops.get(i - 1) instanceof Const c2 && ops.get(i - 2) instanceof Const c1) {
                replace(ops, i - 2, 3, new Const(b.fn().apply(c1.value(), c2.value())));
                return true;
            }
            // c f -> f(c)
            if (op instanceof EwOp.Unary u && i >= 1 && ops.get(i - 1) instanceof Const c) {
                replace(ops, i - 1, 2, new Const(u.fn().apply(c.value())));
                return true;
            }
            // neg neg -> nothing
            if (op instanceof EwOp.Unary u && u.fn() == EwOp.UnaryFn.NEG && i >= 1
                    && ops.get(i - 1) instanceof EwOp.Unary v && v.fn() == EwOp.UnaryFn.NEG) {
                replace(ops, i - 1, 2);
                return true;
            }
            if (op instanceof EwOp.Binary b && i >= 1 && ops.get(i - 1) instanceof Const c) {
                // x c - -> x (-c) + ; x c / -> x (1/c) *
                if (b.fn() == BinaryFn.SUB) {
                    replace(ops, i - 1, 2, new Const(-c.value()), new EwOp.Binary(BinaryFn.ADD));
                    return true;
                }
                if (b.fn() == BinaryFn.DIV && c.value() != 0 && Double.isFinite(1 / c.value()) && isPowerOfTwo(c.value())) {
                    replace(ops, i - 1, 2, new Const(1 / c.value()), new EwOp.Binary(BinaryFn.MUL));
                    return true;
                }
                // x 1 * -> x ; x 0 + -> x
                if (b.fn() == BinaryFn.MUL && c.value() == 1.0 || b.fn() == BinaryFn.ADD && c.value() == 0.0 && !Double.isNaN(c.value())) {
                    replace(ops, i - 1, 2);
                    return true;
                }
                // x a * b * -> x (a b) * ; x a + b + -> x (a + b) +
                if ((b.fn() == BinaryFn.MUL || b.fn() == BinaryFn.ADD) && i >= 3
                        && ops.get(i - 2) instanceof EwOp.Binary b0 && b0.fn() == b.fn() && ops.get(i - 3) instanceof Const a) {
                    replace(ops, i - 3, 4, new Const(b.fn().apply(a.value(), c.value())), new EwOp.Binary(b.fn()));
                    return true;
                }
            }
        }
        return false;
    }

    /** Division by a power of two is exactly multiplication by its inverse. */
    private static boolean isPowerOfTwo(double c) {
        double a = Math.abs(c);
        return a == Math.scalb(1.0, Math.getExponent(a));
    }

    private static void replace(List<EwOp> ops, int from, int count, EwOp... with) {
        for (int k = 0; k < count; k++) {
            ops.remove(from);
        }
        ops.addAll(from, List.of(with));
    }
}
