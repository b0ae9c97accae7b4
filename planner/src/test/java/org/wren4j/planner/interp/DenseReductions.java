package org.wren4j.planner.interp;

import org.wren4j.planner.library.ReduceOp;

/** Naive whole-matrix row reductions, the expected results of the reduction programs. */
final class DenseReductions {
    private DenseReductions() {
    }

    static double[][] rows(double[][] x, ReduceOp op) {
        double[][] out = new double[x.length][op.indexed() ? 2 : 1];
        for (int i = 0; i < x.length; i++) {
            double acc = switch (op) {
                case SUM, NORM2 -> 0;
                case MIN, ARGMIN -> Double.POSITIVE_INFINITY;
                case MAX, ARGMAX -> Double.NEGATIVE_INFINITY;
            };
            int best = -1;
            for (int j = 0; j < x[i].length; j++) {
                double v = x[i][j];
                switch (op) {
                    case SUM -> acc += v;
                    case NORM2 -> acc += v * v;
                    case MIN -> acc = Math.min(acc, v);
                    case MAX -> acc = Math.max(acc, v);
                    case ARGMIN, ARGMAX -> {
                        if (op == ReduceOp.ARGMIN ? v < acc : v > acc) {
                            acc = v;
                            best = j;
                        }
                    }
                }
            }
            out[i][0] = op == ReduceOp.NORM2 ? Math.sqrt(acc) : acc;
            if (op.indexed()) {
                out[i][1] = best;
            }
        }
        return out;
    }
}
