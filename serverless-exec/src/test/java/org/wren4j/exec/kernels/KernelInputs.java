package org.wren4j.exec.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.wren4j.planner.interp.ReferenceKernels;
import org.wren4j.tiles.Tile;

/**
 * Seeded random inputs for any catalogue kernel at one of {@link #CASES} shape cases: case 0 has
 * every dimension 1, the others ragged, non-square shapes (small, larger, mixed with 1) and 1 to
 * 3 tiles for variadic kernels. Kernels that need it get SPD or well-conditioned triangular tiles.
 */
final class KernelInputs {
    static final int CASES = 4;

    private static final double[] SPECIAL = {-1, 0, -0.0, 1, 2, 0.5};

    record Inputs(Tile[] tiles, double[] scalars) {
    }

    private final SplittableRandom random;
    private final int shapeCase;

    private KernelInputs(SplittableRandom random, int shapeCase) {
        this.random = random;
        this.shapeCase = shapeCase;
    }

    static Inputs of(String kernel, int shapeCase) {
        return new KernelInputs(new SplittableRandom(kernel.hashCode() * 31L + shapeCase), shapeCase).make(kernel);
    }

    private int dim() {
        return switch (shapeCase) {
            case 0 -> 1;
            case 1 -> random.nextInt(2, 8);
            case 2 -> random.nextInt(8, 41);
            default -> random.nextInt(1, 20);
        };
    }

    private int groupSize() {
        return shapeCase == 0 ? 1 : random.nextInt(2, 4);
    }

    private Inputs make(String kernel) {
        int m = dim();
        int n = dim();
        int k = dim();
        if (kernel.startsWith("trsm_")) {
            boolean left = kernel.charAt(5) == 'l';
            return of(triangular(n, kernel.charAt(6) == 'l'), left ? uniform(n, k) : uniform(k, n));
        }
        if (kernel.startsWith("map_") || kernel.equals("transpose")) {
            int scalars = kernel.equals("map_scale") || kernel.equals("map_shift") ? 1 : 0;
            return new Inputs(new Tile[] {special(m, n)}, scalarsOf(scalars));
        }
        if (kernel.startsWith("zip_")) {
            return new Inputs(new Tile[] {special(m, n), special(m, n)}, scalarsOf(kernel.equals("zip_axpby") ? 2 : 0));
        }
        if (kernel.startsWith("row_") || kernel.startsWith("col_")) {
            return reduction(kernel.startsWith("row_"), kernel.contains("arg"), m);
        }
        return switch (kernel) {
            case "chol" -> of(spd(n));
            case "gemm" -> of(uniform(m, k), uniform(k, n));
            case "gemm_acc", "gemm_sub_nn" -> of(uniform(m, n), uniform(m, k), uniform(k, n));
            case "gemm_sub_tn" -> of(uniform(m, n), uniform(k, m), uniform(k, n));
            case "syrk_update", "gemm_sub_nt" -> of(uniform(m, n), uniform(m, k), uniform(n, k));
            case "gemm_sum", "gemm_tn_sum" -> productPairs(kernel.equals("gemm_tn_sum"), m, n);
            case "sum_n", "min_n", "max_n", "norm2_n" -> sameShapeGroup(m, n);
            case "argmin_n", "argmax_n" -> pairTiles(m);
            case "qr_r" -> qrStack(n);
            case "diag" -> of(special(n, n));
            case "retile" -> retileInputs(m, n);
            case "take" -> new Inputs(new Tile[] {special(m, n)}, new double[] {1 + random.nextInt(m), 1 + random.nextInt(n)});
            case "pair_index" -> shapeCase % 2 == 0
                    ? new Inputs(new Tile[] {special(m, 2)}, new double[] {0})
                    : new Inputs(new Tile[] {special(2, n)}, new double[] {1});
            case "ew" -> elementwiseProgram(m, n);
            case "qr_factor", "lq_factor" -> of(uniform(m, n));
            case "qr_leaf_qt", "qr_leaf_q" -> of(reference("qr_factor", uniform(m, n))[1], uniform(m, k));
            case "lq_leaf_apply" -> of(reference("lq_factor", uniform(m, n))[1], uniform(k, n));
            case "qr_pair_factor" -> of(pair());
            case "qr_pair_qt", "qr_pair_q" -> {
                Tile[] p = pair();
                yield of(reference("qr_pair_factor", p)[1], uniform(p[0].rows(), k), uniform(p[1].rows(), k));
            }
            case "lu_cand" -> new Inputs(panel(n).tiles, new double[] {random.nextInt(0, 5)});
            case "lu_cand_merge" -> candidateGroup(n);
            case "lu_diag" -> {
                // case 3: one tile row wider than tall, so U has columns right of its triangle
                Panel p = shapeCase == 3 && n > 1 ? widePanel(n) : panel(n);
                yield new Inputs(new Tile[] {p.pivots, p.tiles[0]}, new double[] {p.k});
            }
            case "lu_pick" -> {
                // another tile column of the same tile rows; in odd cases without the diagonal tile row
                Panel p = panel(n);
                int skip = shapeCase % 2;
                Tile[] in = new Tile[p.tiles.length + 1 - skip];
                in[0] = p.pivots;
                for (int t = skip; t < p.tiles.length; t++) {
                    in[t + 1 - skip] = uniform(p.tiles[t].rows(), k);
                }
                yield new Inputs(in, new double[] {p.k + skip});
            }
            case "lu_l" -> {
                Panel p = panel(n);
                int t = random.nextInt(1, p.tiles.length);
                Tile u = reference("lu_diag", new double[] {p.k}, p.pivots, p.tiles[0])[1];
                yield new Inputs(new Tile[] {p.pivots, p.tiles[0], p.tiles[t], u}, new double[] {p.k, p.k + t});
            }
            case "lu_update" -> {
                Panel p = panel(n);
                int t = random.nextInt(1, p.tiles.length);
                Tile l = reference("lu_l", new double[] {p.k, p.k + t}, p.pivots, p.tiles[0], p.tiles[t],
                        reference("lu_diag", new double[] {p.k}, p.pivots, p.tiles[0])[1])[0];
                int c = p.pivots.rows();
                yield new Inputs(new Tile[] {p.pivots, uniform(p.tiles[0].rows(), k), uniform(p.tiles[t].rows(), k), l, uniform(c, k)},
                        new double[] {p.k, p.k + t});
            }
            case "lq_pair_factor" -> of(transposed(pair()));
            case "lq_pair_apply" -> {
                Tile[] p = transposed(pair());
                yield of(reference("lq_pair_factor", p)[1], uniform(k, p[0].cols()), uniform(k, p[1].cols()));
            }
            default -> throw new IllegalArgumentException("no test inputs for kernel " + kernel + ": add them to KernelInputs");
        };
    }

    /** 1-3 stacked tiles (down a column or along a row) and a window that may start before and end after the stack. */
    private Inputs retileInputs(int m, int n) {
        boolean across = shapeCase % 2 == 1;
        int count = groupSize();
        Tile[] tiles = new Tile[count];
        long total = 0;
        for (int t = 0; t < count; t++) {
            int extent = 1 + random.nextInt(across ? n : m);
            tiles[t] = across ? special(m, extent) : special(extent, n);
            total += extent;
        }
        long offset = random.nextInt(-2, (int) total);
        int size = 1 + random.nextInt((int) total + 2);
        return new Inputs(tiles, new double[] {across ? 1 : 0, offset, size});
    }

    /** {@code sqrt(|x0 * 2.5 - x1|) + max(x2, x0)} with x1 a row vector and x2 a column vector (broadcast). */
    private Inputs elementwiseProgram(int m, int n) {
        var program = org.wren4j.planner.expr.EwProgram.of(
                new org.wren4j.planner.expr.EwOp.Load(0), new org.wren4j.planner.expr.EwOp.Const(2.5),
                new org.wren4j.planner.expr.EwOp.Binary(org.wren4j.planner.expr.EwOp.BinaryFn.MUL),
                new org.wren4j.planner.expr.EwOp.Load(1), new org.wren4j.planner.expr.EwOp.Binary(org.wren4j.planner.expr.EwOp.BinaryFn.SUB),
                new org.wren4j.planner.expr.EwOp.Unary(org.wren4j.planner.expr.EwOp.UnaryFn.ABS),
                new org.wren4j.planner.expr.EwOp.Unary(org.wren4j.planner.expr.EwOp.UnaryFn.SQRT),
                new org.wren4j.planner.expr.EwOp.Load(2), new org.wren4j.planner.expr.EwOp.Load(0),
                new org.wren4j.planner.expr.EwOp.Binary(org.wren4j.planner.expr.EwOp.BinaryFn.MAX),
                new org.wren4j.planner.expr.EwOp.Binary(org.wren4j.planner.expr.EwOp.BinaryFn.ADD));
        return new Inputs(new Tile[] {special(m, n), special(1, n), special(m, 1)}, program.encode());
    }

    /**
     * A TSQR pair [top; bottom] with the top at least as tall as the R factor; in odd cases both are
     * upper trapezoidal R factors with exact zeros below the diagonal, as in TSQR and CAQR.
     */
    private Tile[] pair() {
        int n = dim();
        int h1 = n + (shapeCase == 0 ? 0 : random.nextInt(0, 3));
        Tile top = uniform(h1, n);
        Tile bottom = uniform(dim(), n);
        if (shapeCase % 2 == 1) {
            top = reference("qr_factor", top)[0];
            bottom = reference("qr_factor", bottom)[0];
        }
        return new Tile[] {top, bottom};
    }

    /** A tile column of LU from tile row k down (the diagonal tile at least as tall as wide) and its tournament's pivot tile. */
    private record Panel(long k, Tile[] tiles, Tile pivots) {
    }

    private Panel panel(int n) {
        long k = random.nextInt(0, 3);
        Tile[] tiles = new Tile[groupSize() + 1];
        tiles[0] = uniform(n + (shapeCase == 0 ? 0 : random.nextInt(0, 3)), n);
        for (int t = 1; t < tiles.length; t++) {
            tiles[t] = uniform(dim(), n);
        }
        return new Panel(k, tiles, reference("lu_cand", new double[] {k}, tiles)[0]);
    }

    private Panel widePanel(int n) {
        long k = random.nextInt(0, 3);
        Tile[] tiles = {uniform(random.nextInt(1, n), n)};
        return new Panel(k, tiles, reference("lu_cand", new double[] {k}, tiles)[0]);
    }

    /** Candidate tiles of tournament leaves over consecutive groups of tile rows. */
    private Inputs candidateGroup(int n) {
        Tile[] cands = new Tile[groupSize()];
        for (int g = 0; g < cands.length; g++) {
            Tile[] leaf = new Tile[shapeCase == 0 ? 1 : random.nextInt(1, 3)];
            for (int t = 0; t < leaf.length; t++) {
                leaf[t] = uniform(dim(), n);
            }
            cands[g] = reference("lu_cand", new double[] {3 * g}, leaf)[0];
        }
        return of(cands);
    }

    private static Tile[] transposed(Tile[] tiles) {
        Tile[] out = new Tile[tiles.length];
        for (int p = 0; p < tiles.length; p++) {
            out[p] = tiles[p].transpose();
        }
        return out;
    }

    /** The reference kernel's outputs: test inputs that are outputs of other kernels (H tiles, R factors). */
    static Tile[] reference(String kernel, Tile... in) {
        return reference(kernel, new double[0], in);
    }

    static Tile[] reference(String kernel, double[] scalars, Tile... in) {
        List<double[][]> dense = new ArrayList<>();
        for (Tile t : in) {
            double[][] a = new double[t.rows()][t.cols()];
            t.copyInto(a, 0, 0);
            dense.add(a);
        }
        List<double[][]> out = ReferenceKernels.apply(kernel, dense, scalars);
        Tile[] tiles = new Tile[out.size()];
        for (int o = 0; o < tiles.length; o++) {
            double[][] a = out.get(o);
            tiles[o] = Tile.copyOf(a, 0, 0, a.length, a[0].length);
        }
        return tiles;
    }

    private static Inputs of(Tile... tiles) {
        return new Inputs(tiles, new double[0]);
    }

    private double[] scalarsOf(int count) {
        double[] s = new double[count];
        for (int i = 0; i < count; i++) {
            s[i] = random.nextDouble(-3, 3);
        }
        return s;
    }

    private Inputs productPairs(boolean transposeA, int m, int n) {
        List<Tile> tiles = new ArrayList<>();
        for (int p = groupSize(); p > 0; p--) {
            int k = dim();
            tiles.add(transposeA ? uniform(k, m) : uniform(m, k));
            tiles.add(uniform(k, n));
        }
        return new Inputs(tiles.toArray(Tile[]::new), new double[0]);
    }

    private Inputs sameShapeGroup(int m, int n) {
        Tile[] tiles = new Tile[groupSize()];
        for (int p = 0; p < tiles.length; p++) {
            tiles[p] = special(m, n);
        }
        return of(tiles);
    }

    /** A group of one tile row (same rows) or tile column (same columns) of ragged widths. */
    private Inputs reduction(boolean rows, boolean indexed, int common) {
        Tile[] tiles = new Tile[groupSize()];
        int widest = 0;
        for (int p = 0; p < tiles.length; p++) {
            int other = dim();
            widest = Math.max(widest, other);
            tiles[p] = rows ? special(common, other) : special(other, common);
        }
        double[] scalars = indexed ? new double[] {random.nextInt(0, 4), widest + random.nextInt(0, 3)} : new double[0];
        return new Inputs(tiles, scalars);
    }

    /** (value, index) pair tiles with many tied values; pairs in rows in odd cases. */
    private Inputs pairTiles(int n) {
        boolean inRows = shapeCase % 2 == 1;
        Tile[] tiles = new Tile[groupSize() + (shapeCase == 0 ? 1 : 0)];
        for (int p = 0; p < tiles.length; p++) {
            double[] v = new double[2 * n];
            for (int i = 0; i < n; i++) {
                int value = inRows ? 2 * i : i;
                int index = inRows ? 2 * i + 1 : n + i;
                v[value] = random.nextInt(8) == 0 ? Double.NaN : random.nextInt(-2, 3);
                v[index] = random.nextInt(0, 6);
            }
            tiles[p] = inRows ? Tile.wrap(2, n, v) : Tile.wrap(n, 2, v);
        }
        return new Inputs(tiles, new double[] {inRows ? 1 : 0});
    }

    /** Tiles of n columns; in case 1 the stack may have fewer rows than columns. */
    private Inputs qrStack(int n) {
        Tile[] tiles = new Tile[groupSize()];
        for (int p = 0; p < tiles.length; p++) {
            tiles[p] = uniform(shapeCase == 1 ? random.nextInt(1, 4) : dim(), n);
        }
        return of(tiles);
    }

    Tile uniform(int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        return Tile.wrap(rows, cols, v);
    }

    /** Mostly uniform values, with ties, signed zeros, NaN and infinities mixed in. */
    private Tile special(int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            int u = random.nextInt(100);
            v[i] = u < 2 ? Double.NaN
                    : u < 3 ? Double.POSITIVE_INFINITY
                    : u < 4 ? Double.NEGATIVE_INFINITY
                    : u < 20 ? SPECIAL[random.nextInt(SPECIAL.length)]
                    : random.nextDouble(-2, 2);
        }
        return Tile.wrap(rows, cols, v);
    }

    /** Symmetric positive definite, with junk in the strictly upper triangle that chol must not read. */
    private Tile spd(int n) {
        double[][] u = new double[n][n];
        for (double[] row : u) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextDouble() - 0.5;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) {
                    s += u[i][p] * u[j][p];
                }
                a[i][j] = s + (i == j ? n : 0);
            }
            for (int j = i + 1; j < n; j++) {
                a[i][j] = 1e3 * (random.nextDouble() - 0.5);
            }
        }
        return Tile.copyOf(a, 0, 0, n, n);
    }

    /**
     * Diagonally dominant (well-conditioned) triangle with diagonal of either sign; the other
     * triangle holds large junk that the solve must not read.
     */
    private Tile triangular(int n, boolean lower) {
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean inside = lower ? j <= i : j >= i;
                t[i][j] = inside ? random.nextDouble() - 0.5 : 1e3 * (random.nextDouble() - 0.5);
            }
            t[i][i] = (random.nextBoolean() ? 1 : -1) * (1 + n / 2.0 + random.nextDouble());
        }
        return Tile.copyOf(t, 0, 0, n, n);
    }
}
