package org.wren4j.exec.kernels;

import static org.wren4j.exec.kernels.Shapes.dims;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.wren4j.tiles.Tile;

/**
 * The kernels of LU with tournament pivoting after the tournament: the panel interchange, the
 * factorization of the diagonal block without further pivoting ({@code lu_diag}, recursive:
 * dtrsm and dgemm on halves), the L tiles below it ({@code lu_l}, dtrsm), the trailing update
 * ({@code lu_update}, dgemm) and the gather of pivot rows ({@code lu_pick}, a copy).
 */
final class LuKernels {
    private LuKernels() {
    }

    static Tile[] diag(Tile[] in, double[] s) {
        Tile p = in[0];
        Tile x = in[1];
        long k = (long) s[0];
        int c = p.rows();
        int h = x.rows();
        int n = x.cols();
        if (p.cols() != n + 2 || c > h || c > n) {
            throw Shapes.mismatch("lu_diag", "pivot tile " + dims(p) + " does not fit diagonal tile " + dims(x));
        }
        // E = X after the interchange: rows 0..c-1 are the pivot rows, displaced rows move down
        double[] e = x.values().clone();
        double[] pv = p.values();
        for (int r = 0; r < c; r++) {
            for (int j = 0; j < n; j++) {
                e[j * h + r] = pv[(j + 2) * c + r];
            }
        }
        for (long[] m : displaced(p, k)) {
            if (m[1] == k) {
                copyRow(x, (int) m[0], e, h, checkedRow(m, h));
            }
        }
        DoublePointer lu = Blas.scratch(0, (long) c * n);
        for (int j = 0; j < n; j++) {
            lu.position((long) j * c).put(e, j * h, c);
        }
        lu.position(0);
        factorNoPivot(lu, c, 0, c, k);
        if (n > c) {
            openblas.cblas_dtrsm(Blas.COL_MAJOR, openblas.CblasLeft, openblas.CblasLower, Blas.NO_TRANS, openblas.CblasUnit,
                    c, n - c, 1.0, lu, c, lu.getPointer((long) c * c), c);
        }
        double[] f = Blas.values(lu, c * n);
        double[] l = new double[h * c];
        double[] u = new double[c * n];
        for (int j = 0; j < n; j++) {
            System.arraycopy(f, j * c, u, j * c, Math.min(j + 1, c));
        }
        for (int j = 0; j < c; j++) {
            l[j * h + j] = 1;
            System.arraycopy(f, j * c + j + 1, l, j * h + j + 1, c - j - 1);
        }
        if (h > c) {
            // the rows below: E[c..h) U^-1
            int b = h - c;
            DoublePointer below = Blas.scratch(1, (long) b * c);
            for (int j = 0; j < c; j++) {
                below.position((long) j * b).put(e, j * h + c, b);
            }
            below.position(0);
            openblas.cblas_dtrsm(Blas.COL_MAJOR, openblas.CblasRight, openblas.CblasUpper, Blas.NO_TRANS, openblas.CblasNonUnit,
                    b, c, 1.0, lu, c, below, b);
            double[] bv = Blas.values(below, b * c);
            for (int j = 0; j < c; j++) {
                System.arraycopy(bv, j * b, l, j * h + c, b);
            }
        }
        return new Tile[] {Tile.wrap(h, c, l), Tile.wrap(c, n, u)};
    }

    /**
     * LU without pivoting of the s x s block at (at, at) of the column-major {@code a} (leading
     * dimension lda), in place: halves recursively, the off-diagonal blocks by dtrsm and the
     * trailing block by dgemm. Pivots are checked in order, before any division by them.
     */
    private static void factorNoPivot(DoublePointer a, int lda, int at, int s, long panel) {
        if (s == 1) {
            double piv = a.get((long) at * lda + at);
            if (piv == 0 || !Double.isFinite(piv)) {
                throw new SingularInputException("lu_diag: matrix is singular: pivot " + at + " of tile column " + panel + " is " + piv
                        + " (the diagonal block is factored without further pivoting)");
            }
            return;
        }
        int n1 = s / 2;
        int n2 = s - n1;
        long a11 = (long) at * lda + at;
        long a12 = a11 + (long) n1 * lda;
        long a21 = a11 + n1;
        long a22 = a12 + n1;
        factorNoPivot(a, lda, at, n1, panel);
        openblas.cblas_dtrsm(Blas.COL_MAJOR, openblas.CblasLeft, openblas.CblasLower, Blas.NO_TRANS, openblas.CblasUnit,
                n1, n2, 1.0, a.getPointer(a11), lda, a.getPointer(a12), lda);
        openblas.cblas_dtrsm(Blas.COL_MAJOR, openblas.CblasRight, openblas.CblasUpper, Blas.NO_TRANS, openblas.CblasNonUnit,
                n2, n1, 1.0, a.getPointer(a11), lda, a.getPointer(a21), lda);
        Blas.gemm(Blas.NO_TRANS, Blas.NO_TRANS, n2, n2, n1, -1.0, a.getPointer(a21), lda, a.getPointer(a12), lda, 1.0,
                a.getPointer(a22), lda);
        factorNoPivot(a, lda, at + n1, n2, panel);
    }

    static Tile[] l(Tile[] in, double[] s) {
        long k = (long) s[0];
        long i = (long) s[1];
        Tile u = in[3];
        double[] e = exchange("lu_l", in[0], k, i, in[2], in[1]);
        int h = in[2].rows();
        int c = in[2].cols();
        if (u.rows() < c || u.cols() < c) {
            throw Shapes.mismatch("lu_l", "U " + dims(u) + " has no leading " + c + "x" + c + " triangle for X_ik " + dims(in[2]));
        }
        double[] uv = u.values();
        for (int j = 0; j < c; j++) {
            if (uv[j * u.rows() + j] == 0.0) {
                throw new SingularInputException("lu_l: matrix is singular: U_kk of tile column " + k + " has a zero on the diagonal at row "
                        + j + " (0-based)");
            }
        }
        DoublePointer x = Blas.scratch(0, e.length);
        x.put(e, 0, e.length);
        openblas.cblas_dtrsm(Blas.COL_MAJOR, openblas.CblasRight, openblas.CblasUpper, Blas.NO_TRANS, openblas.CblasNonUnit,
                h, c, 1.0, Blas.load(1, u), u.rows(), x, h);
        return new Tile[] {Blas.tile(x, h, c)};
    }

    static Tile[] update(Tile[] in, double[] s) {
        long k = (long) s[0];
        long i = (long) s[1];
        Tile xij = in[2];
        Tile l = in[3];
        Tile u = in[4];
        if (l.cols() != u.rows() || l.rows() != xij.rows() || u.cols() != xij.cols()) {
            throw Shapes.mismatch("lu_update", "X_ij " + dims(xij) + " - L_ik " + dims(l) + " U_kj " + dims(u));
        }
        double[] e = exchange("lu_update", in[0], k, i, xij, in[1]);
        DoublePointer c = Blas.scratch(2, e.length);
        c.put(e, 0, e.length);
        Blas.gemm(Blas.NO_TRANS, Blas.NO_TRANS, l.rows(), u.cols(), l.cols(), -1.0, Blas.load(0, l), l.rows(), Blas.load(1, u),
                u.rows(), 1.0, c, xij.rows());
        return new Tile[] {Blas.tile(c, xij.rows(), xij.cols())};
    }

    static Tile[] pick(Tile[] in, double[] s) {
        Tile p = in[0];
        long first = (long) s[0];
        int c = p.rows();
        int w = in[1].cols();
        for (int t = 1; t < in.length; t++) {
            if (in[t].cols() != w) {
                throw Shapes.mismatch("lu_pick", "tile " + t + " is " + dims(in[t]) + ", tile 1 is " + dims(in[1]));
            }
        }
        if (p.cols() < 2) {
            throw Shapes.mismatch("lu_pick", "pivot tile " + dims(p) + " has no (tile, row) columns");
        }
        double[] pv = p.values();
        double[] out = new double[Math.multiplyExact(c, w)];
        for (int r = 0; r < c; r++) {
            long t = (long) pv[r] - first;
            if (t >= 0 && t < in.length - 1) {
                Tile src = in[(int) t + 1];
                int row = (int) pv[c + r];
                if (row < 0 || row >= src.rows()) {
                    throw new IllegalArgumentException("kernel lu_pick: pivot " + r + " names row " + row + " of tile row " + (t + first)
                            + ", which has " + src.rows() + " rows");
                }
                for (int j = 0; j < w; j++) {
                    out[j * c + r] = src.values()[j * src.rows() + row];
                }
            }
        }
        return new Tile[] {Tile.wrap(c, w, out)};
    }

    /** Tile i (below the diagonal block k) after the panel interchange: rows V_t take rows D_t of tile k. */
    private static double[] exchange(String kernel, Tile p, long k, long i, Tile tileI, Tile tileK) {
        if (i == k) {
            throw new IllegalArgumentException("kernel " + kernel + ": the exchange of tile " + i
                    + " is for tiles below the diagonal block " + k);
        }
        if (tileI.cols() != tileK.cols()) {
            throw Shapes.mismatch(kernel, "tile " + i + " is " + dims(tileI) + ", tile " + k + " is " + dims(tileK));
        }
        double[] e = tileI.values().clone();
        for (long[] m : displaced(p, k)) {
            if (m[1] == i) {
                copyRow(tileK, checkedRow(new long[] {0, 0, m[0]}, tileK.rows()), e, tileI.rows(), checkedRow(m, tileI.rows()));
            }
        }
        return e;
    }

    private static int checkedRow(long[] m, int rows) {
        if (m[2] < 0 || m[2] >= rows) {
            throw new IllegalArgumentException("pivot row " + m[2] + " is outside a tile of " + rows + " rows");
        }
        return (int) m[2];
    }

    /** Row {@code from} of {@code src} into row {@code to} of the column-major {@code dst} with {@code rows} rows. */
    private static void copyRow(Tile src, int from, double[] dst, int rows, int to) {
        double[] v = src.values();
        for (int j = 0; j < src.cols(); j++) {
            dst[j * rows + to] = v[j * src.rows() + from];
        }
    }

    /**
     * Triples (D_t, V_t.tile, V_t.row) of the panel interchange of the pivot tile P of panel k:
     * the rows r &lt; c of tile k that no pivot row keeps (ascending) paired with the pivot rows from
     * elsewhere (ascending by tile, then row).
     */
    static long[][] displaced(Tile p, long k) {
        int c = p.rows();
        double[] pv = p.values();
        boolean[] inTop = new boolean[c];
        List<long[]> v = new ArrayList<>();
        for (int r = 0; r < c; r++) {
            long tile = (long) pv[r];
            long row = (long) pv[c + r];
            if (tile == k && row >= 0 && row < c && !inTop[(int) row]) {
                inTop[(int) row] = true;
            } else {
                v.add(new long[] {tile, row});
            }
        }
        v.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long[][] out = new long[v.size()][];
        int t = 0;
        for (int r = 0; r < c; r++) {
            if (!inTop[r]) {
                long[] src = v.get(t);
                if (src[0] == k && src[1] < c) {
                    throw new IllegalArgumentException("pivot tile of panel " + k + " has repeated rows: " + pivots(p));
                }
                out[t++] = new long[] {r, src[0], src[1]};
            }
        }
        return out;
    }

    private static String pivots(Tile p) {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < p.rows(); r++) {
            b.append(r == 0 ? "" : ", ").append((long) p.get(r, 0)).append(':').append((long) p.get(r, 1));
        }
        return "[" + b + "]";
    }
}
