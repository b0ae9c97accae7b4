package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * An element-wise function of k inputs as a postfix stack program, e.g. {@code x0 x1 add 2.0 mul}
 * for {@code 2 (a + b)}. A fused chain of element-wise operations is one program, run by one
 * kernel per tile ({@code ew}); {@link #encode()} is that kernel's scalar arguments.
 */
public record EwProgram(List<EwOp> ops) {
    static final int LOAD = 1;
    static final int CONST = 2;
    static final int UNARY = 10;
    static final int BINARY = 30;

    public EwProgram {
        ops = List.copyOf(requireNonNull(ops, "ops is null"));
        int depth = 0;
        for (EwOp op : ops) {
            depth += op instanceof EwOp.Load || op instanceof EwOp.Const ? 1 : op instanceof EwOp.Unary ? 0 : -1;
            if (depth < 1) {
                throw new IllegalArgumentException("element-wise program underflows its stack at " + op + ": " + ops);
            }
        }
        if (depth != 1) {
            throw new IllegalArgumentException("element-wise program leaves " + depth + " values: " + ops);
        }
    }

    public static EwProgram of(EwOp... ops) {
        return new EwProgram(List.of(ops));
    }

    /** The identity of input 0. */
    public static EwProgram input() {
        return of(new EwOp.Load(0));
    }

    /** Number of inputs read: one more than the largest input index. */
    public int arity() {
        int max = -1;
        for (EwOp op : ops) {
            if (op instanceof EwOp.Load l) {
                max = Math.max(max, l.input());
            }
        }
        return max + 1;
    }

    /** {@code fn(this)}. */
    public EwProgram then(EwOp.UnaryFn fn) {
        var out = new ArrayList<>(ops);
        out.add(new EwOp.Unary(fn));
        return new EwProgram(out);
    }

    /** {@code fn(this, c)}. */
    public EwProgram then(EwOp.BinaryFn fn, double c) {
        var out = new ArrayList<>(ops);
        out.add(new EwOp.Const(c));
        out.add(new EwOp.Binary(fn));
        return new EwProgram(out);
    }

    /** {@code fn(this, other)} where other's input indices are shifted by {@code shift}. */
    public EwProgram combine(EwOp.BinaryFn fn, EwProgram other, int shift) {
        var out = new ArrayList<>(ops);
        out.addAll(other.shifted(shift).ops);
        out.add(new EwOp.Binary(fn));
        return new EwProgram(out);
    }

    /** The program with input {@code i} read as input {@code i + shift}. */
    public EwProgram shifted(int shift) {
        return new EwProgram(ops.stream().map(op -> op instanceof EwOp.Load l ? (EwOp) new EwOp.Load(l.input() + shift) : op).toList());
    }

    /** The program with every {@code Load(i)} replaced by {@code replacements.get(i)}'s ops (inlining). */
    public EwProgram substitute(List<EwProgram> replacements) {
        var out = new ArrayList<EwOp>();
        for (EwOp op : ops) {
            if (op instanceof EwOp.Load l) {
                out.addAll(replacements.get(l.input()).ops);
            } else {
                out.add(op);
            }
        }
        return new EwProgram(out);
    }

    /** The kernel's scalar arguments: opcodes and operands as doubles. */
    public double[] encode() {
        var out = new ArrayList<Double>();
        for (EwOp op : ops) {
            if (op instanceof EwOp.Load l) {
                out.add((double) LOAD);
                out.add((double) l.input());
            } else if (op instanceof EwOp.Const c) {
                out.add((double) CONST);
                out.add(c.value());
            } else if (op instanceof EwOp.Unary u) {
                out.add((double) (UNARY + u.fn().ordinal()));
            } else {
                out.add((double) (BINARY + ((EwOp.Binary) op).fn().ordinal()));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Inverse of {@link #encode()}. */
    public static EwProgram decode(double[] code) {
        var ops = new ArrayList<EwOp>();
        for (int p = 0; p < code.length; p++) {
            int opcode = (int) code[p];
            if (opcode == LOAD) {
                ops.add(new EwOp.Load((int) code[++p]));
            } else if (opcode == CONST) {
                ops.add(new EwOp.Const(code[++p]));
            } else if (opcode >= BINARY && opcode < BINARY + EwOp.BinaryFn.values().length) {
                ops.add(new EwOp.Binary(EwOp.BinaryFn.values()[opcode - BINARY]));
            } else if (opcode >= UNARY && opcode < UNARY + EwOp.UnaryFn.values().length) {
                ops.add(new EwOp.Unary(EwOp.UnaryFn.values()[opcode - UNARY]));
            } else {
                throw new IllegalArgumentException("bad element-wise opcode " + code[p] + " at " + p);
            }
        }
        return new EwProgram(ops);
    }

    /** Evaluates the program on one element of each input. */
    public double eval(double[] inputs) {
        double[] stack = new double[ops.size()];
        int sp = 0;
        for (EwOp op : ops) {
            if (op instanceof EwOp.Load l) {
                stack[sp++] = inputs[l.input()];
            } else if (op instanceof EwOp.Const c) {
                stack[sp++] = c.value();
            } else if (op instanceof EwOp.Unary u) {
                stack[sp - 1] = u.fn().apply(stack[sp - 1]);
            } else {
                double b = stack[--sp];
                stack[sp - 1] = ((EwOp.Binary) op).fn().apply(stack[sp - 1], b);
            }
        }
        return stack[0];
    }

    @Override
    public String toString() {
        return String.join(" ", ops.stream().map(Object::toString).toList());
    }
}
