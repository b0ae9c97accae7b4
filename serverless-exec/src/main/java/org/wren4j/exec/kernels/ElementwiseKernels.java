package org.wren4j.exec.kernels;

import org.wren4j.tiles.Tile;

/**
 * Element-wise maps, zips, folds over a group of tiles and the transpose, as plain loops over
 * the column-major arrays. Each operation has its own loop (no per-element lambda) so the JIT
 * compiles it to a tight, vectorisable loop; the operations are exactly those of the reference
 * kernels (same {@code Math} functions, same operand order), so results agree bit for bit.
 */
final class ElementwiseKernels {
    /** Edge of the square blocks the transpose walks, so both arrays stay in cache. */
    private static final int TRANSPOSE_BLOCK = 32;

    private ElementwiseKernels() {
    }

    static Tile[] neg(Tile[] in, double[] s) {
        double[] x = in[0].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = -x[i];
        }
        return like(in[0], o);
    }

    static Tile[] abs(Tile[] in, double[] s) {
        double[] x = in[0].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = Math.abs(x[i]);
        }
        return like(in[0], o);
    }

    static Tile[] sqrt(Tile[] in, double[] s) {
        double[] x = in[0].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = Math.sqrt(x[i]);
        }
        return like(in[0], o);
    }

    static Tile[] exp(Tile[] in, double[] s) {
        double[] x = in[0].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = Math.exp(x[i]);
        }
        return like(in[0], o);
    }

    static Tile[] log(Tile[] in, double[] s) {
        double[] x = in[0].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = Math.log(x[i]);
        }
        return like(in[0], o);
    }

    static Tile[] square(Tile[] in, double[] s) {
        double[] x = in[0].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i] * x[i];
        }
        return like(in[0], o);
    }

    static Tile[] scale(Tile[] in, double[] s) {
        Shapes.requireScalars("map_scale", s, 1);
        double alpha = s[0];
        double[] x = in[0].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = alpha * x[i];
        }
        return like(in[0], o);
    }

    static Tile[] shift(Tile[] in, double[] s) {
        Shapes.requireScalars("map_shift", s, 1);
        double alpha = s[0];
        double[] x = in[0].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i] + alpha;
        }
        return like(in[0], o);
    }

    static Tile[] add(Tile[] in, double[] s) {
        double[] x = first("zip_add", in);
        double[] y = in[1].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i] + y[i];
        }
        return like(in[0], o);
    }

    static Tile[] sub(Tile[] in, double[] s) {
        double[] x = first("zip_sub", in);
        double[] y = in[1].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i] - y[i];
        }
        return like(in[0], o);
    }

    static Tile[] mul(Tile[] in, double[] s) {
        double[] x = first("zip_mul", in);
        double[] y = in[1].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i] * y[i];
        }
        return like(in[0], o);
    }

    static Tile[] div(Tile[] in, double[] s) {
        double[] x = first("zip_div", in);
        double[] y = in[1].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i] / y[i];
        }
        return like(in[0], o);
    }

    static Tile[] min(Tile[] in, double[] s) {
        double[] x = first("zip_min", in);
        double[] y = in[1].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = Math.min(x[i], y[i]);
        }
        return like(in[0], o);
    }

    static Tile[] max(Tile[] in, double[] s) {
        double[] x = first("zip_max", in);
        double[] y = in[1].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = Math.max(x[i], y[i]);
        }
        return like(in[0], o);
    }

    static Tile[] axpby(Tile[] in, double[] s) {
        Shapes.requireScalars("zip_axpby", s, 2);
        double alpha = s[0];
        double beta = s[1];
        double[] x = first("zip_axpby", in);
        double[] y = in[1].values();
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = alpha * x[i] + beta * y[i];
        }
        return like(in[0], o);
    }

    /** Element-wise sum of the input tiles, folded left to right (one input: a copy). */
    static Tile[] sumN(Tile[] in, double[] s) {
        double[] o = foldStart("sum_n", in);
        for (int p = 1; p < in.length; p++) {
            double[] y = in[p].values();
            for (int i = 0; i < o.length; i++) {
                o[i] += y[i];
            }
        }
        return like(in[0], o);
    }

    static Tile[] minN(Tile[] in, double[] s) {
        double[] o = foldStart("min_n", in);
        for (int p = 1; p < in.length; p++) {
            double[] y = in[p].values();
            for (int i = 0; i < o.length; i++) {
                o[i] = Math.min(o[i], y[i]);
            }
        }
        return like(in[0], o);
    }

    static Tile[] maxN(Tile[] in, double[] s) {
        double[] o = foldStart("max_n", in);
        for (int p = 1; p < in.length; p++) {
            double[] y = in[p].values();
            for (int i = 0; i < o.length; i++) {
                o[i] = Math.max(o[i], y[i]);
            }
        }
        return like(in[0], o);
    }

    /**
     * Combines partial 2-norms with {@code Math.hypot}, which neither overflows nor underflows;
     * its inputs are small reduction outputs, so its cost does not matter. Like the reference,
     * one input is returned as a copy.
     */
    static Tile[] norm2N(Tile[] in, double[] s) {
        double[] o = foldStart("norm2_n", in);
        for (int p = 1; p < in.length; p++) {
            double[] y = in[p].values();
            for (int i = 0; i < o.length; i++) {
                o[i] = Math.hypot(o[i], y[i]);
            }
        }
        return like(in[0], o);
    }

    static Tile[] transpose(Tile[] in, double[] s) {
        Tile t = in[0];
        int r = t.rows();
        int c = t.cols();
        double[] x = t.values();
        double[] o = new double[x.length];
        for (int j0 = 0; j0 < c; j0 += TRANSPOSE_BLOCK) {
            int j1 = Math.min(c, j0 + TRANSPOSE_BLOCK);
            for (int i0 = 0; i0 < r; i0 += TRANSPOSE_BLOCK) {
                int i1 = Math.min(r, i0 + TRANSPOSE_BLOCK);
                for (int i = i0; i < i1; i++) {
                    int out = i * c;
                    for (int j = j0; j < j1; j++) {
                        o[out + j] = x[j * r + i];
                    }
                }
            }
        }
        return new Tile[] {Tile.wrap(c, r, o)};
    }

    private static double[] first(String kernel, Tile[] in) {
        Shapes.requireSameShapes(kernel, in);
        return in[0].values();
    }

    private static double[] foldStart(String kernel, Tile[] in) {
        if (in.length == 0) {
            throw new IllegalArgumentException("kernel " + kernel + " needs at least one tile");
        }
        Shapes.requireSameShapes(kernel, in);
        return in[0].values().clone();
    }

    private static Tile[] like(Tile shape, double[] values) {
        return new Tile[] {Tile.wrap(shape.rows(), shape.cols(), values)};
    }
}
