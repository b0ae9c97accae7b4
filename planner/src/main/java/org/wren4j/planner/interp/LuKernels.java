package org.wren4j.planner.interp;

import static org.wren4j.planner.interp.DenseOps.cols;
import static org.wren4j.planner.interp.DenseOps.rows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reference kernels of LU with tournament pivoting (CALU), as specified in
 * {@code KernelSpecs}. A candidate tile has one row per candidate pivot row: its tile row
 * index, its row within that tile, then its original values.
 */
final class LuKernels {
    private LuKernels() {
    }

    static boolean handles(String name) {
        return name.startsWith("lu_");
    }

    static List<double[][]> apply(String name, List<double[][]> in, double[] s) {
        return switch (name) {
            case "lu_cand" -> one(candidates(in, (long) s[0]));
            case "lu_cand_merge" -> one(select(QrKernels.stack(in)));
            case "lu_diag" -> diag(in.get(0), in.get(1), (long) s[0]);
            case "lu_pick" -> one(pick(in.get(0), in.subList(1, in.size()), (long) s[0]));
            case "lu_l" -> one(solveUpperRight(exchange(in.get(0), (long) s[0], (long) s[1], in.get(2), in.get(1)), in.get(3)));
            case "lu_update" -> one(DenseOps.addScaled(exchange(in.get(0), (long) s[0], (long) s[1], in.get(2), in.get(1)), -1,
                    DenseOps.multiply(in.get(3), in.get(4))));
            default -> throw new IllegalArgumentException("no reference implementation of kernel " + name);
        };
    }

    private static List<double[][]> one(double[][] t) {
        return List.<double[][]>of(t);
    }

    /** The rows of consecutive tiles (tile rows first, first + 1, ...) as candidates, then the tournament selection. */
    private static double[][] candidates(List<double[][]> tiles, long first) {
        int n = cols(tiles.get(0));
        var rowsOut = new ArrayList<double[]>();
        for (int t = 0; t < tiles.size(); t++) {
            double[][] tile = tiles.get(t);
            if (cols(tile) != n) {
                throw new IllegalArgumentException("candidate tiles have " + n + " and " + cols(tile) + " columns");
            }
            for (int r = 0; r < rows(tile); r++) {
                double[] row = new double[n + 2];
                row[0] = first + t;
                row[1] = r;
                System.arraycopy(tile[r], 0, row, 2, n);
                rowsOut.add(row);
            }
        }
        return select(rowsOut.toArray(double[][]::new));
    }

    /** Gaussian elimination with partial pivoting on columns 2.. of a candidate stack; the chosen rows, original values, in pivot order. */
    static double[][] select(double[][] cand) {
        int r = rows(cand);
        int n = cols(cand) - 2;
        int c = Math.min(r, n);
        double[][] work = new double[r][n];
        for (int i = 0; i < r; i++) {
            System.arraycopy(cand[i], 2, work[i], 0, n);
        }
        boolean[] used = new boolean[r];
        double[][] out = new double[c][];
        for (int col = 0; col < c; col++) {
            int best = -1;
            double bestAbs = -1;
            for (int i = 0; i < r; i++) {
                if (!used[i] && (best < 0 || Math.abs(work[i][col]) > bestAbs)) {
                    best = i;
                    bestAbs = Math.abs(work[i][col]);
                }
            }
            used[best] = true;
            out[col] = cand[best].clone();
            double piv = work[best][col];
            if (piv != 0) {
                for (int i = 0; i < r; i++) {
                    if (!used[i]) {
                        double f = work[i][col] / piv;
                        if (f != 0) {
                            for (int j = col; j < n; j++) {
                                work[i][j] -= f * work[best][j];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Pivot rows S (tile, row) of a candidate tile. */
    private static long[][] pivots(double[][] p) {
        long[][] s = new long[rows(p)][];
        for (int r = 0; r < s.length; r++) {
            s[r] = new long[] {(long) p[r][0], (long) p[r][1]};
        }
        return s;
    }

    /**
     * The panel interchange: tile {@code i != k} after it (rows V_t of tile i take rows D_t of
     * tile k); see {@code KernelSpecs.LU_DIAG}.
     */
    static double[][] exchange(double[][] p, long k, long i, double[][] tileI, double[][] tileK) {
        if (i == k) {
            throw new IllegalArgumentException("exchange of tile " + i + " is for tiles below the diagonal block " + k);
        }
        double[][] out = DenseOps.copy(tileI);
        long[][] dv = displaced(p, k);
        for (long[] m : dv) {
            if (m[1] == i) {
                out[(int) m[2]] = tileK[(int) m[0]].clone();
            }
        }
        return out;
    }

    /** Triples (D_t, V_t.tile, V_t.row): where each displaced row r of tile k goes. */
    private static long[][] displaced(double[][] p, long k) {
        long[][] s = pivots(p);
        int c = s.length;
        boolean[] inTop = new boolean[c];
        var v = new ArrayList<long[]>();
        for (long[] sr : s) {
            if (sr[0] == k && sr[1] < c) {
                inTop[(int) sr[1]] = true;
            } else {
                v.add(sr);
            }
        }
        v.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long[][] out = new long[v.size()][];
        int t = 0;
        for (int r = 0; r < c; r++) {
            if (!inTop[r]) {
                out[t] = new long[] {r, v.get(t)[0], v.get(t)[1]};
                t++;
            }
        }
        if (t != v.size()) {
            throw new IllegalArgumentException("pivot tile of panel " + k + " has repeated rows: " + Arrays.deepToString(s));
        }
        return out;
    }

    private static List<double[][]> diag(double[][] p, double[][] tileK, long k) {
        int c = rows(p);
        int h = rows(tileK);
        int n = cols(tileK);
        if (cols(p) != n + 2 || c > h) {
            throw new IllegalArgumentException("pivot tile " + rows(p) + "x" + cols(p) + " does not fit diagonal tile " + h + "x" + n);
        }
        double[][] e = DenseOps.copy(tileK);
        for (int r = 0; r < c; r++) {
            e[r] = Arrays.copyOfRange(p[r], 2, n + 2);
        }
        for (long[] m : displaced(p, k)) {
            if (m[1] == k) {
                e[(int) m[2]] = tileK[(int) m[0]].clone();
            }
        }
        double[][] lu = Arrays.copyOf(DenseOps.copy(e), c);
        for (int r = 0; r < c; r++) {
            double piv = lu[r][r];
            if (piv == 0 || !Double.isFinite(piv)) {
                throw new ArithmeticException("matrix is singular: pivot " + r + " of tile column " + k + " is " + piv);
            }
            for (int x = r + 1; x < c; x++) {
                double f = lu[x][r] / piv;
                lu[x][r] = f;
                for (int j = r + 1; j < n; j++) {
                    lu[x][j] -= f * lu[r][j];
                }
            }
        }
        double[][] l = new double[h][c];
        double[][] u = new double[c][n];
        for (int r = 0; r < c; r++) {
            for (int j = 0; j < c; j++) {
                l[r][j] = j < r ? lu[r][j] : j == r ? 1 : 0;
            }
            for (int j = r; j < n; j++) {
                u[r][j] = lu[r][j];
            }
        }
        if (h > c) {
            double[][] below = solveUpperRight(Arrays.copyOfRange(e, c, h), u);
            for (int r = c; r < h; r++) {
                l[r] = below[r - c];
            }
        }
        return List.of(l, u);
    }

    /** {@code X U^-1} for the leading square upper triangle of U (as many columns as X). */
    static double[][] solveUpperRight(double[][] x, double[][] u) {
        int c = cols(x);
        if (rows(u) < c || cols(u) < c) {
            throw new IllegalArgumentException("solve with a " + rows(u) + "x" + cols(u) + " U for " + c + " columns");
        }
        double[][] out = new double[rows(x)][c];
        for (int i = 0; i < rows(x); i++) {
            for (int j = 0; j < c; j++) {
                double v = x[i][j];
                for (int q = 0; q < j; q++) {
                    v -= out[i][q] * u[q][j];
                }
                out[i][j] = v / u[j][j];
            }
        }
        return out;
    }

    private static double[][] pick(double[][] p, List<double[][]> tiles, long first) {
        int w = cols(tiles.get(0));
        double[][] out = new double[rows(p)][w];
        for (int r = 0; r < rows(p); r++) {
            long t = (long) p[r][0] - first;
            if (t >= 0 && t < tiles.size()) {
                out[r] = tiles.get((int) t)[(int) p[r][1]].clone();
            }
        }
        return out;
    }
}
