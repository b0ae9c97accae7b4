package org.wren4j.planner.interp;

import static org.wren4j.planner.interp.DenseOps.cols;
import static org.wren4j.planner.interp.DenseOps.rows;
import static org.wren4j.planner.interp.DenseOps.transpose;

import java.util.List;

/** Reference row/column reduction kernels: leaves over a group of tiles, and pair combines. */
final class Reductions {
    private Reductions() {
    }

    /** {@code row_<op>} or {@code col_<op>}; a column reduction is the row reduction of the transposes. */
    static double[][] leaf(String name, List<double[][]> in, double[] scalars) {
        boolean rows = name.startsWith("row_");
        String op = name.substring(4);
        List<double[][]> tiles = rows ? in : in.stream().map(DenseOps::transpose).toList();
        double[][] out = rowLeaf(op, tiles, scalars);
        return rows ? out : transpose(out);
    }

    private static double[][] rowLeaf(String op, List<double[][]> tiles, double[] scalars) {
        int r = rows(tiles.get(0));
        boolean indexed = op.startsWith("arg");
        double[][] out = new double[r][indexed ? 2 : 1];
        for (int i = 0; i < r; i++) {
            double acc = switch (op) {
                case "min", "argmin" -> Double.POSITIVE_INFINITY;
                case "max", "argmax" -> Double.NEGATIVE_INFINITY;
                default -> 0;
            };
            double best = -1;
            for (int p = 0; p < tiles.size(); p++) {
                double[][] t = tiles.get(p);
                if (rows(t) != r) {
                    throw new IllegalArgumentException("tiles of a row reduction have " + r + " and " + rows(t) + " rows");
                }
                for (int e = 0; e < cols(t); e++) {
                    double x = t[i][e];
                    switch (op) {
                        case "sum" -> acc += x;
                        case "norm2" -> acc = Math.hypot(acc, x);
                        case "min" -> acc = Math.min(acc, x);
                        case "max" -> acc = Math.max(acc, x);
                        case "argmin", "argmax" -> {
                            if (op.equals("argmin") ? x < acc : x > acc) {
                                acc = x;
                                best = (scalars[0] + p) * scalars[1] + e;
                            }
                        }
                        default -> throw new IllegalArgumentException("unknown reduction " + op);
                    }
                }
            }
            out[i][0] = acc;
            if (indexed) {
                out[i][1] = best;
            }
        }
        return out;
    }

    /** Element-wise best (value, index) pair; pairs in columns ({@code pairsInRows} false) or rows. */
    static double[][] combinePairs(List<double[][]> in, boolean min, boolean pairsInRows) {
        List<double[][]> tiles = pairsInRows ? in.stream().map(DenseOps::transpose).toList() : in;
        double[][] out = DenseOps.copy(tiles.get(0));
        for (int p = 1; p < tiles.size(); p++) {
            double[][] t = tiles.get(p);
            DenseOps.requireSameShape(out, t);
            for (int i = 0; i < rows(out); i++) {
                double v = t[i][0];
                double idx = t[i][1];
                boolean better = min ? v < out[i][0] : v > out[i][0];
                if (better || v == out[i][0] && idx < out[i][1]) {
                    out[i][0] = v;
                    out[i][1] = idx;
                }
            }
        }
        return pairsInRows ? transpose(out) : out;
    }
}
