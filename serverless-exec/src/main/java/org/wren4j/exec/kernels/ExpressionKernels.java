package org.wren4j.exec.kernels;

import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.tiles.Tile;

/**
 * Kernels of expression planning. {@code ew} runs a fused element-wise program one operation
 * at a time over whole arrays (one tight loop per operation, temporaries reused), not element
 * by element through an interpreter.
 */
final class ExpressionKernels {
    private ExpressionKernels() {
    }

    /** A stack value: a scalar, or an array that the program may overwrite if {@code owned}. */
    private static final class Val {
        final double[] array;
        final double scalar;
        final boolean owned;

        Val(double[] array, boolean owned) {
            this.array = array;
            this.scalar = 0;
            this.owned = owned;
        }

        Val(double scalar) {
            this.array = null;
            this.scalar = scalar;
            this.owned = false;
        }
    }

    static Tile[] ew(Tile[] in, double[] code) {
        EwProgram program = EwProgram.decode(code);
        if (program.arity() > in.length) {
            throw new IllegalArgumentException("kernel ew: program " + program + " reads " + program.arity() + " tiles, got " + in.length);
        }
        int rows = 0;
        int cols = 0;
        for (Tile t : in) {
            rows = Math.max(rows, t.rows());
            cols = Math.max(cols, t.cols());
        }
        for (Tile t : in) {
            boolean ok = (t.rows() == rows || t.rows() == 1) && (t.cols() == cols || t.cols() == 1);
            if (!ok) {
                throw new IllegalArgumentException("kernel ew: tile " + t.rows() + "x" + t.cols() + " does not broadcast to " + rows + "x" + cols);
            }
        }
        int n = rows * cols;
        Val[] stack = new Val[program.ops().size()];
        int sp = 0;
        for (EwOp op : program.ops()) {
            if (op instanceof EwOp.Load l) {
                Tile t = in[l.input()];
                stack[sp++] = t.rows() == rows && t.cols() == cols ? new Val(t.values(), false) : new Val(broadcast(t, rows, cols), true);
            } else if (op instanceof EwOp.Const c) {
                stack[sp++] = new Val(c.value());
            } else if (op instanceof EwOp.Unary u) {
                Val a = stack[sp - 1];
                stack[sp - 1] = a.array == null ? new Val(u.fn().apply(a.scalar)) : unary(u.fn(), a, n);
            } else {
                Val b = stack[--sp];
                Val a = stack[sp - 1];
                stack[sp - 1] = binary(((EwOp.Binary) op).fn(), a, b, n);
            }
        }
        Val top = stack[0];
        double[] out;
        if (top.array == null) {
            out = new double[n];
            java.util.Arrays.fill(out, top.scalar);
        } else {
            out = top.owned ? top.array : top.array.clone();
        }
        return new Tile[] {Tile.wrap(rows, cols, out)};
    }

    private static double[] broadcast(Tile t, int rows, int cols) {
        double[] v = t.values();
        double[] out = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                out[c * rows + r] = v[(t.cols() == 1 ? 0 : c) * t.rows() + (t.rows() == 1 ? 0 : r)];
            }
        }
        return out;
    }

    private static Val unary(EwOp.UnaryFn fn, Val a, int n) {
        double[] x = a.array;
        double[] y = a.owned ? x : new double[n];
        switch (fn) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    y[i] = -x[i];
                }
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.abs(x[i]);
                }
            }
            case SQRT -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.sqrt(x[i]);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.exp(x[i]);
                }
            }
            case LOG -> {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.log(x[i]);
                }
            }
            case SQUARE -> {
                for (int i = 0; i < n; i++) {
                    y[i] = x[i] * x[i];
                }
            }
        }
        return new Val(y, true);
    }

    private static Val binary(EwOp.BinaryFn fn, Val a, Val b, int n) {
        if (a.array == null && b.array == null) {
            return new Val(fn.apply(a.scalar, b.scalar));
        }
        double[] y = a.owned ? a.array : b.owned ? b.array : new double[n];
        if (a.array != null && b.array != null) {
            double[] x = a.array;
            double[] z = b.array;
            switch (fn) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = x[i] + z[i];
                    }
                }
                case SUB -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = x[i] - z[i];
                    }
                }
                case MUL -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = x[i] * z[i];
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = fn.apply(x[i], z[i]);
                    }
                }
            }
        } else if (a.array != null) {
            double[] x = a.array;
            double s = b.scalar;
            switch (fn) {
                case ADD -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = x[i] + s;
                    }
                }
                case MUL -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = x[i] * s;
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        y[i] = fn.apply(x[i], s);
                    }
                }
            }
        } else {
            double s = a.scalar;
            double[] z = b.array;
            for (int i = 0; i < n; i++) {
                y[i] = fn.apply(s, z[i]);
            }
        }
        return new Val(y, true);
    }

    /** Column 1 of an r x 2 pair tile (scalar 0), or row 1 of a 2 x c one (scalar 1). */
    static Tile[] pairIndex(Tile[] in, double[] scalars) {
        Tile t = in[0];
        double[] v = t.values();
        if (scalars[0] == 0) {
            if (t.cols() != 2) {
                throw new IllegalArgumentException("kernel pair_index: row pairs need an r x 2 tile, got " + t.rows() + "x" + t.cols());
            }
            return new Tile[] {Tile.wrap(t.rows(), 1, java.util.Arrays.copyOfRange(v, t.rows(), 2 * t.rows()))};
        }
        if (t.rows() != 2) {
            throw new IllegalArgumentException("kernel pair_index: column pairs need a 2 x c tile, got " + t.rows() + "x" + t.cols());
        }
        double[] out = new double[t.cols()];
        for (int c = 0; c < out.length; c++) {
            out[c] = v[c * 2 + 1];
        }
        return new Tile[] {Tile.wrap(1, t.cols(), out)};
    }

    /** The top-left scalars[0] x scalars[1] block of the tile. */
    static Tile[] take(Tile[] in, double[] scalars) {
        Tile t = in[0];
        int rows = (int) scalars[0];
        int cols = (int) scalars[1];
        if (rows < 1 || cols < 1 || rows > t.rows() || cols > t.cols()) {
            throw new IllegalArgumentException("kernel take: " + rows + "x" + cols + " of a " + t.rows() + "x" + t.cols() + " tile");
        }
        double[] out = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            System.arraycopy(t.values(), c * t.rows(), out, c * rows, rows);
        }
        return new Tile[] {Tile.wrap(rows, cols, out)};
    }

    /**
     * Re-tiling: {@code scalars[2]} rows (scalar[0] = 0: tiles stacked top to bottom) or columns
     * (1: side by side) of the stacked inputs from stack position {@code scalars[1]} (may be
     * negative or run past the stack: those rows or columns are zero).
     */
    static Tile[] retile(Tile[] in, double[] scalars) {
        boolean across = scalars[0] != 0;
        long offset = (long) scalars[1];
        int size = (int) scalars[2];
        if (size < 1) {
            throw new IllegalArgumentException("kernel retile: needs a positive size, got " + size);
        }
        int other = across ? in[0].rows() : in[0].cols();
        for (Tile t : in) {
            if ((across ? t.rows() : t.cols()) != other) {
                throw new IllegalArgumentException("kernel retile: stacked tiles have " + other + " and "
                        + (across ? t.rows() : t.cols()) + (across ? " rows" : " columns"));
            }
        }
        int rows = across ? other : size;
        int cols = across ? size : other;
        double[] out = new double[rows * cols];
        long start = 0;
        for (Tile t : in) {
            double[] v = t.values();
            if (across) {
                // whole columns: contiguous in column-major order
                for (int c = 0; c < t.cols(); c++) {
                    long at = start + c - offset;
                    if (at >= 0 && at < size) {
                        System.arraycopy(v, c * t.rows(), out, (int) at * rows, rows);
                    }
                }
                start += t.cols();
            } else {
                for (int r = 0; r < t.rows(); r++) {
                    long at = start + r - offset;
                    if (at >= 0 && at < size) {
                        for (int c = 0; c < cols; c++) {
                            out[c * rows + (int) at] = v[c * t.rows() + r];
                        }
                    }
                }
                start += t.rows();
            }
        }
        return new Tile[] {Tile.wrap(rows, cols, out)};
    }

    static Tile[] diag(Tile[] in, double[] scalars) {
        Tile t = in[0];
        if (t.rows() != t.cols()) {
            throw new IllegalArgumentException("kernel diag: needs a square tile, got " + t.rows() + "x" + t.cols());
        }
        double[] out = new double[t.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.get(i, i);
        }
        return new Tile[] {Tile.wrap(t.rows(), 1, out)};
    }
}
