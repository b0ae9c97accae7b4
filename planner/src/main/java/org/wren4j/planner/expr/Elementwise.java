package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code program(inputs...)} element by element. Inputs have the result's shape, or are a row
 * vector ({@code 1 x cols}) or a column vector ({@code rows x 1}) broadcast across it.
 */
public record Elementwise(List<MatrixExpr> inputs, EwProgram program) implements MatrixExpr {
    /** The binary functions of two positive scalars that are positive (not a difference, comparison or mask). */
    private static final Set<EwOp.BinaryFn> KEEPS_POSITIVE = EnumSet.of(EwOp.BinaryFn.ADD, EwOp.BinaryFn.MUL, EwOp.BinaryFn.DIV,
            EwOp.BinaryFn.MIN, EwOp.BinaryFn.MAX);

    public Elementwise {
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        requireNonNull(program, "program is null");
        if (inputs.isEmpty() || program.arity() != inputs.size()) {
            throw new IllegalArgumentException("element-wise program " + program + " reads " + program.arity()
                    + " inputs, got " + inputs.size());
        }
        Shape out = broadcastShape(inputs);
        for (MatrixExpr in : inputs) {
            Checks.sameBlock("element-wise op", inputs.get(0), in);
            Shape s = in.shape();
            boolean ok = s.equals(out) || (s.rows() == 1 && s.cols() == out.cols()) || (s.cols() == 1 && s.rows() == out.rows());
            if (!ok) {
                throw new ShapeMismatchException("element-wise op: shapes " + inputs.stream().map(MatrixExpr::shape).toList()
                        + " do not broadcast: each operand must be " + out + ", a 1x" + out.cols() + " row or a " + out.rows() + "x1 column");
            }
        }
    }

    private static Shape broadcastShape(List<MatrixExpr> inputs) {
        long rows = 1;
        long cols = 1;
        for (MatrixExpr in : inputs) {
            rows = Math.max(rows, in.shape().rows());
            cols = Math.max(cols, in.shape().cols());
        }
        return new Shape(rows, cols);
    }

    @Override
    public Shape shape() {
        return broadcastShape(inputs);
    }

    @Override
    public int blockSize() {
        return inputs.get(0).blockSize();
    }

    /** Element-wise functions of symmetric matrices are symmetric; sums of positive multiples of PSD terms stay PSD, SPD with one SPD term. */
    @Override
    public Structure structure() {
        for (MatrixExpr in : inputs) {
            if (!in.structure().symmetric() || !in.shape().equals(shape())) {
                return Structure.GENERAL;
            }
        }
        // abstract interpretation: 0 = scalar, 1 = symmetric, 2 = PSD, 3 = SPD; -1 = positive scalar
        var stack = new ArrayList<Integer>();
        for (EwOp op : program.ops()) {
            if (op instanceof EwOp.Load l) {
                Structure s = inputs.get(l.input()).structure();
                stack.add(s == Structure.SPD ? 3 : s == Structure.PSD ? 2 : 1);
            } else if (op instanceof EwOp.Const c) {
                stack.add(c.value() > 0 ? -1 : 0);
            } else if (op instanceof EwOp.Unary) {
                int a = stack.remove(stack.size() - 1);
                stack.add(a <= 0 ? 0 : 1);
            } else {
                int b = stack.remove(stack.size() - 1);
                int a = stack.remove(stack.size() - 1);
                EwOp.BinaryFn fn = ((EwOp.Binary) op).fn();
                int r;
                if (a <= 0 && b <= 0) {
                    r = a == -1 && b == -1 && KEEPS_POSITIVE.contains(fn) ? -1 : 0;
                } else if (fn == EwOp.BinaryFn.ADD && a >= 2 && b >= 2) {
                    r = Math.max(a, b);
                } else if (fn == EwOp.BinaryFn.MUL && (a == -1 && b >= 2 || b == -1 && a >= 2)) {
                    r = Math.max(a, b);
                } else {
                    r = 1;
                }
                stack.add(r);
            }
        }
        int top = stack.get(0);
        return top == 3 ? Structure.SPD : top == 2 ? Structure.PSD : Structure.SYMMETRIC;
    }

    @Override
    public List<MatrixExpr> children() {
        return inputs;
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new Elementwise(c, program);
    }

    @Override
    public String toString() {
        return "ew[" + program + "](" + String.join(", ", inputs.stream().map(Object::toString).toList()) + ")";
    }
}
