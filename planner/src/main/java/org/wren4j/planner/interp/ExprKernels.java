package org.wren4j.planner.interp;

import java.util.List;
import org.wren4j.planner.expr.EwProgram;

/** Reference implementations of the expression-planning kernels: {@code ew}, {@code pair_index}, {@code diag}. */
final class ExprKernels {
    private ExprKernels() {
    }

    static boolean handles(String name) {
        return name.equals("ew") || name.equals("pair_index") || name.equals("diag") || name.equals("take") || name.equals("retile");
    }

    static double[][] apply(String name, List<double[][]> in, double[] scalars) {
        return switch (name) {
            case "ew" -> ew(in, EwProgram.decode(scalars));
            case "pair_index" -> pairIndex(in.get(0), scalars[0] != 0);
            case "diag" -> diag(in.get(0));
            case "take" -> take(in.get(0), (int) scalars[0], (int) scalars[1]);
            case "retile" -> retile(in, scalars[0] != 0, (long) scalars[1], (int) scalars[2]);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static double[][] ew(List<double[][]> in, EwProgram program) {
        int rows = 0;
        int cols = 0;
        for (double[][] t : in) {
            rows = Math.max(rows, t.length);
            cols = Math.max(cols, t[0].length);
        }
        double[][] out = new double[rows][cols];
        double[] args = new double[in.size()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                for (int p = 0; p < args.length; p++) {
                    double[][] t = in.get(p);
                    args[p] = t[t.length == 1 ? 0 : r][t[0].length == 1 ? 0 : c];
                }
                out[r][c] = program.eval(args);
            }
        }
        return out;
    }

    private static double[][] pairIndex(double[][] t, boolean rowPairs) {
        if (rowPairs) {
            double[][] out = new double[1][t[0].length];
            out[0] = t[1].clone();
            return out;
        }
        double[][] out = new double[t.length][1];
        for (int r = 0; r < t.length; r++) {
            out[r][0] = t[r][1];
        }
        return out;
    }

    private static double[][] take(double[][] t, int rows, int cols) {
        if (rows < 1 || cols < 1 || rows > t.length || cols > t[0].length) {
            throw new IllegalArgumentException("take " + rows + "x" + cols + " of a " + t.length + "x" + t[0].length + " tile");
        }
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOf(t[r], cols);
        }
        return out;
    }

    private static double[][] diag(double[][] t) {
        if (t.length != t[0].length) {
            throw new IllegalArgumentException("diag needs a square tile, got " + t.length + "x" + t[0].length);
        }
        double[][] out = new double[t.length][1];
        for (int i = 0; i < t.length; i++) {
            out[i][0] = t[i][i];
        }
        return out;
    }

    /** Rows (or columns, {@code across}) {@code offset .. offset + size - 1} of the stacked tiles, zero outside the stack. */
    private static double[][] retile(List<double[][]> in, boolean across, long offset, int size) {
        List<double[][]> tiles = across ? in.stream().map(DenseOps::transpose).toList() : in;
        int width = tiles.get(0)[0].length;
        double[][] out = new double[size][width];
        long start = 0;
        for (double[][] t : tiles) {
            if (t[0].length != width) {
                throw new IllegalArgumentException("retile: stacked tiles have " + width + " and " + t[0].length + (across ? " rows" : " columns"));
            }
            for (int r = 0; r < t.length; r++) {
                long at = start + r - offset;
                if (at >= 0 && at < size) {
                    out[(int) at] = t[r].clone();
                }
            }
            start += t.length;
        }
        return across ? DenseOps.transpose(out) : out;
    }
}
