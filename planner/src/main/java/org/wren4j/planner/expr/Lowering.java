package org.wren4j.planner.expr;

import java.util.Map;
import org.wren4j.planner.library.Programs;

/** Lowers one operation whose operands are stored ({@link Leaf}) to a program call. */
public final class Lowering {
    private Lowering() {
    }

    /** @throws IllegalArgumentException if an operand is not a leaf or the node is a leaf */
    public static ProgramCall lower(MatrixExpr op) {
        for (MatrixExpr c : op.children()) {
            if (!(c instanceof Leaf)) {
                throw new IllegalArgumentException("lower() takes an operation over stored matrices, got operand " + c);
            }
        }
        int b = op.blockSize();
        if (op instanceof MatMul m) {
            Leaf a = (Leaf) m.left();
            Leaf bb = (Leaf) m.right();
            return new ProgramCall("matmul " + a.shape() + " @ " + bb.shape(), Programs.gemm(),
                    Map.of("M", a.shape().tileRows(b), "K", a.shape().tileCols(b), "N", bb.shape().tileCols(b)),
                    Map.of("A", a, "B", bb), "C", m.shape(), b, false);
        }
        if (op instanceof Cholesky c) {
            Leaf a = (Leaf) c.arg();
            return new ProgramCall("cholesky of " + a.shape(), Programs.cholesky(), Map.of("N", a.shape().tileRows(b)),
                    Map.of("A", a), "O", c.shape(), b, true);
        }
        throw new IllegalArgumentException("nothing to lower: " + op);
    }
}
