package org.wren4j.exec.kernels;

import static org.wren4j.exec.kernels.Shapes.dims;

import java.util.Arrays;
import org.wren4j.tiles.Tile;

/**
 * Row and column reductions over a gathered group of tiles ({@code row_<op>}, {@code col_<op>}) and
 * the combiners of (value, index) pairs ({@code argmin_n}, {@code argmax_n}). Loops follow the
 * column-major layout (a row reduction accumulates one column at a time into per-row
 * accumulators) while adding in the reference's order (tile by tile, then element by element), so
 * sums, minima, maxima and indices agree with it exactly.
 */
final class ReductionKernels {
    /** Sums of squares in [SUMSQ_MIN, MAX_VALUE] lost nothing to overflow or underflow: take their root. */
    private static final double SUMSQ_MIN = 0x1p-960;

    enum Op {
        SUM, NORM2, MIN, MAX, ARGMIN, ARGMAX;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        boolean indexed() {
            return this == ARGMIN || this == ARGMAX;
        }
    }

    private ReductionKernels() {
    }

    /** {@code row_<op>}: reduces each row over all columns of the tiles (all with the same rows). */
    static TileKernel rows(Op op) {
        String name = "row_" + op.label();
        return (in, s) -> new Tile[] {rowLeaf(name, op, in, s)};
    }

    /** {@code col_<op>}: reduces each column over all rows of the tiles (all with the same columns). */
    static TileKernel cols(Op op) {
        String name = "col_" + op.label();
        return (in, s) -> new Tile[] {colLeaf(name, op, in, s)};
    }

    static Tile[] argminN(Tile[] in, double[] s) {
        return new Tile[] {combinePairs("argmin_n", in, s, true)};
    }

    static Tile[] argmaxN(Tile[] in, double[] s) {
        return new Tile[] {combinePairs("argmax_n", in, s, false)};
    }

    private static Tile rowLeaf(String kernel, Op op, Tile[] in, double[] s) {
        check(kernel, op, in, s, true);
        int r = in[0].rows();
        double[] acc = new double[op.indexed() ? 2 * r : r];
        switch (op) {
            case SUM -> {
                for (Tile t : in) {
                    double[] v = t.values();
                    for (int base = 0; base < v.length; base += r) {
                        for (int i = 0; i < r; i++) {
                            acc[i] += v[base + i];
                        }
                    }
                }
            }
            case MIN, MAX -> {
                boolean min = op == Op.MIN;
                Arrays.fill(acc, min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                for (Tile t : in) {
                    double[] v = t.values();
                    for (int base = 0; base < v.length; base += r) {
                        if (min) {
                            for (int i = 0; i < r; i++) {
                                acc[i] = Math.min(acc[i], v[base + i]);
                            }
                        } else {
                            for (int i = 0; i < r; i++) {
                                acc[i] = Math.max(acc[i], v[base + i]);
                            }
                        }
                    }
                }
            }
            case NORM2 -> {
                for (Tile t : in) {
                    double[] v = t.values();
                    for (int base = 0; base < v.length; base += r) {
                        for (int i = 0; i < r; i++) {
                            double x = v[base + i];
                            acc[i] += x * x;
                        }
                    }
                }
                for (int i = 0; i < r; i++) {
                    double q = acc[i];
                    acc[i] = q >= SUMSQ_MIN && q <= Double.MAX_VALUE ? Math.sqrt(q) : hypotAlongRow(in, i);
                }
            }
            case ARGMIN, ARGMAX -> {
                // acc[0, r): values, acc[r, 2r): indices (column 1 of the r x 2 output)
                boolean min = op == Op.ARGMIN;
                Arrays.fill(acc, 0, r, min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                Arrays.fill(acc, r, 2 * r, -1);
                for (int p = 0; p < in.length; p++) {
                    double[] v = in[p].values();
                    for (int e = 0; e < in[p].cols(); e++) {
                        int base = e * r;
                        double index = (s[0] + p) * s[1] + e;
                        for (int i = 0; i < r; i++) {
                            double x = v[base + i];
                            if (min ? x < acc[i] : x > acc[i]) {
                                acc[i] = x;
                                acc[r + i] = index;
                            }
                        }
                    }
                }
            }
            default -> throw new AssertionError(op);
        }
        return Tile.wrap(r, op.indexed() ? 2 : 1, acc);
    }

    private static Tile colLeaf(String kernel, Op op, Tile[] in, double[] s) {
        check(kernel, op, in, s, false);
        int c = in[0].cols();
        // indexed: value of column j at 2j, its index at 2j + 1 (the 2 x c output)
        int stride = op.indexed() ? 2 : 1;
        double[] acc = new double[stride * c];
        switch (op) {
            case SUM -> {
                for (Tile t : in) {
                    double[] v = t.values();
                    int h = t.rows();
                    for (int j = 0; j < c; j++) {
                        double a = acc[j];
                        for (int e = j * h, end = e + h; e < end; e++) {
                            a += v[e];
                        }
                        acc[j] = a;
                    }
                }
            }
            case MIN, MAX -> {
                boolean min = op == Op.MIN;
                Arrays.fill(acc, min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                for (Tile t : in) {
                    double[] v = t.values();
                    int h = t.rows();
                    for (int j = 0; j < c; j++) {
                        double a = acc[j];
                        if (min) {
                            for (int e = j * h, end = e + h; e < end; e++) {
                                a = Math.min(a, v[e]);
                            }
                        } else {
                            for (int e = j * h, end = e + h; e < end; e++) {
                                a = Math.max(a, v[e]);
                            }
                        }
                        acc[j] = a;
                    }
                }
            }
            case NORM2 -> {
                for (Tile t : in) {
                    double[] v = t.values();
                    int h = t.rows();
                    for (int j = 0; j < c; j++) {
                        double a = acc[j];
                        for (int e = j * h, end = e + h; e < end; e++) {
                            a += v[e] * v[e];
                        }
                        acc[j] = a;
                    }
                }
                for (int j = 0; j < c; j++) {
                    double q = acc[j];
                    acc[j] = q >= SUMSQ_MIN && q <= Double.MAX_VALUE ? Math.sqrt(q) : hypotAlongCol(in, j);
                }
            }
            case ARGMIN, ARGMAX -> {
                boolean min = op == Op.ARGMIN;
                for (int j = 0; j < c; j++) {
                    acc[2 * j] = min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                    acc[2 * j + 1] = -1;
                }
                for (int p = 0; p < in.length; p++) {
                    double[] v = in[p].values();
                    int h = in[p].rows();
                    for (int j = 0; j < c; j++) {
                        double best = acc[2 * j];
                        double index = acc[2 * j + 1];
                        for (int e = 0; e < h; e++) {
                            double x = v[j * h + e];
                            if (min ? x < best : x > best) {
                                best = x;
                                index = (s[0] + p) * s[1] + e;
                            }
                        }
                        acc[2 * j] = best;
                        acc[2 * j + 1] = index;
                    }
                }
            }
            default -> throw new AssertionError(op);
        }
        return Tile.wrap(stride, c, acc);
    }

    /**
     * The reference's {@code hypot} fold along row {@code i}: slow, taken only when the sum of
     * squares over- or underflowed (or is 0, Inf or NaN); it then gives the reference's Inf/NaN.
     */
    private static double hypotAlongRow(Tile[] in, int i) {
        double acc = 0;
        for (Tile t : in) {
            double[] v = t.values();
            for (int at = i; at < v.length; at += t.rows()) {
                acc = Math.hypot(acc, v[at]);
            }
        }
        return acc;
    }

    /** As {@link #hypotAlongRow} along column {@code j}. */
    private static double hypotAlongCol(Tile[] in, int j) {
        double acc = 0;
        for (Tile t : in) {
            double[] v = t.values();
            for (int at = j * t.rows(), end = at + t.rows(); at < end; at++) {
                acc = Math.hypot(acc, v[at]);
            }
        }
        return acc;
    }

    private static void check(String kernel, Op op, Tile[] in, double[] s, boolean rows) {
        if (in.length == 0) {
            throw new IllegalArgumentException("kernel " + kernel + " needs at least one tile");
        }
        Shapes.requireScalars(kernel, s, op.indexed() ? 2 : 0);
        Tile first = in[0];
        for (int p = 1; p < in.length; p++) {
            Tile t = in[p];
            if (rows ? t.rows() != first.rows() : t.cols() != first.cols()) {
                throw Shapes.mismatch(kernel, "tile " + p + " is " + dims(t) + ", tile 0 is " + dims(first) + ": a "
                        + (rows ? "row reduction needs tiles with the same rows" : "column reduction needs tiles with the same columns"));
            }
        }
    }

    /** Element-wise best (value, index) pair; ties on the value go to the smaller index. */
    private static Tile combinePairs(String kernel, Tile[] in, double[] s, boolean min) {
        if (in.length == 0) {
            throw new IllegalArgumentException("kernel " + kernel + " needs at least one tile");
        }
        Shapes.requireScalars(kernel, s, 1);
        Shapes.requireSameShapes(kernel, in);
        boolean pairsInRows = s[0] != 0;
        Tile first = in[0];
        if ((pairsInRows ? first.rows() : first.cols()) != 2) {
            throw Shapes.mismatch(kernel, "pair tiles must be " + (pairsInRows ? "2 x c (scalar[0] = 1)" : "r x 2 (scalar[0] = 0)")
                    + ", got " + dims(first));
        }
        int n = pairsInRows ? first.cols() : first.rows();
        int stride = pairsInRows ? 2 : 1;
        int indexOffset = pairsInRows ? 1 : n;
        double[] o = first.values().clone();
        for (int p = 1; p < in.length; p++) {
            double[] y = in[p].values();
            for (int k = 0; k < n; k++) {
                int vi = k * stride;
                int ii = vi + indexOffset;
                double v = y[vi];
                double cur = o[vi];
                boolean better = min ? v < cur : v > cur;
                if (better || v == cur && y[ii] < o[ii]) {
                    o[vi] = v;
                    o[ii] = y[ii];
                }
            }
        }
        return Tile.wrap(first.rows(), first.cols(), o);
    }
}
