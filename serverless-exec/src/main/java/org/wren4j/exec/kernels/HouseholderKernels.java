package org.wren4j.exec.kernels;

import static org.wren4j.exec.kernels.Shapes.dims;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.wren4j.tiles.Tile;

/**
 * The Householder kernels of TSQR, CAQR and the band reduction ({@code qr_factor} ...
 * {@code lq_pair_apply}) on LAPACK, in the compact-WY representation of the spec: an H tile is V
 * ({@code m x K}, unit diagonal and zeros above it stored) over the full {@code K x K} upper
 * triangular T, {@code Q = I - V T V^T}, reflectors generated as LAPACK's {@code dlarfg} does (R's
 * diagonal may be negative).
 *
 * <p>The factorization is {@code dgeqrt3}, which returns the whole T ({@code dgeqrt} with a block
 * size below K would return only T's diagonal blocks); a wide tile ({@code m < n}) factors its
 * first m columns and applies Q^T to the rest. Q and Q^T are applied with {@code dlarfb}, which
 * reads V's strictly lower part and T's upper triangle (the rest of a valid H tile is the stored 1s
 * and 0s). LQ kernels are the QR of the transpose as the spec defines them: the factor transposes
 * its input, and the applications use {@code C Q = C (I - V T V^T)} ({@code dlarfb} from the
 * right) on the untransposed tiles.
 */
final class HouseholderKernels {
    private static final byte LEFT = 'L';
    private static final byte RIGHT = 'R';
    private static final byte FORWARD = 'F';
    private static final byte COLUMNWISE = 'C';

    private HouseholderKernels() {
    }

    /** Q^T A (m x n, column-major) and the packed H tile. */
    private record Factor(double[] qta, int m, int n, Tile h) {
        /** The first {@code rows} rows of Q^T A. */
        Tile topRows(int rows) {
            return Tile.wrap(rows, n, firstRows(qta, m, n, rows));
        }
    }

    static Tile[] qrFactor(Tile[] in, double[] s) {
        Tile a = in[0];
        Factor f = factor(a.values(), a.rows(), a.cols());
        return new Tile[] {Tile.wrap(f.m, f.n, f.qta), f.h};
    }

    static Tile[] qrLeafQt(Tile[] in, double[] s) {
        return new Tile[] {applyLeft("qr_leaf_qt", in[0], in[1], true)};
    }

    static Tile[] qrLeafQ(Tile[] in, double[] s) {
        return new Tile[] {applyLeft("qr_leaf_q", in[0], in[1], false)};
    }

    static Tile[] qrPairFactor(Tile[] in, double[] s) {
        Tile top = in[0];
        Tile bottom = in[1];
        if (top.cols() != bottom.cols()) {
            throw Shapes.mismatch("qr_pair_factor", "top " + dims(top) + ", bottom " + dims(bottom) + ": stacked tiles need the same columns");
        }
        int h1 = top.rows();
        int m = h1 + bottom.rows();
        requireTallTop("qr_pair_factor", "top", h1, Math.min(m, top.cols()));
        Factor f = factor(stack(top, bottom), m, top.cols());
        return new Tile[] {f.topRows(h1), f.h};
    }

    static Tile[] qrPairQt(Tile[] in, double[] s) {
        return pairLeft("qr_pair_qt", in, true);
    }

    static Tile[] qrPairQ(Tile[] in, double[] s) {
        return pairLeft("qr_pair_q", in, false);
    }

    static Tile[] lqFactor(Tile[] in, double[] s) {
        Tile at = in[0].transpose();
        Factor f = factor(at.values(), at.rows(), at.cols());
        return new Tile[] {Tile.wrap(f.m, f.n, f.qta).transpose(), f.h};
    }

    static Tile[] lqLeafApply(Tile[] in, double[] s) {
        Tile c = in[1];
        DoublePointer pc = Blas.load(0, c);
        applyRight("lq_leaf_apply", in[0], pc, c.rows(), c.cols());
        return new Tile[] {Blas.tile(pc, c.rows(), c.cols())};
    }

    static Tile[] lqPairFactor(Tile[] in, double[] s) {
        Tile left = in[0];
        Tile right = in[1];
        requireSameRows("lq_pair_factor", left, right);
        int w1 = left.cols();
        int w = w1 + right.cols();
        requireTallTop("lq_pair_factor", "left", w1, Math.min(w, left.rows()));
        // [left right]^T = [left^T; right^T]: the side-by-side tiles are one column-major array
        Tile at = Tile.wrap(left.rows(), w, concat(left.values(), right.values())).transpose();
        Factor f = factor(at.values(), w, left.rows());
        return new Tile[] {f.topRows(w1).transpose(), f.h};
    }

    static Tile[] lqPairApply(Tile[] in, double[] s) {
        Tile left = in[1];
        Tile right = in[2];
        requireSameRows("lq_pair_apply", left, right);
        int r = left.rows();
        int w = left.cols() + right.cols();
        DoublePointer pc = Blas.scratch(0, (long) r * w);
        pc.put(left.values(), 0, left.values().length);
        pc.position(left.values().length).put(right.values(), 0, right.values().length);
        applyRight("lq_pair_apply", in[0], pc.position(0), r, w);
        double[] v = Blas.values(pc, r * w);
        double[] l = java.util.Arrays.copyOfRange(v, 0, left.values().length);
        double[] rt = java.util.Arrays.copyOfRange(v, left.values().length, v.length);
        return new Tile[] {Tile.wrap(r, left.cols(), l), Tile.wrap(r, right.cols(), rt)};
    }

    /** Householder QR of the m x n column-major {@code a} (not modified). Scratch slots 0-2. */
    private static Factor factor(double[] a, int m, int n) {
        int k = Math.min(m, n);
        DoublePointer pa = Blas.scratch(0, (long) m * n);
        pa.put(a, 0, a.length);
        DoublePointer pt = Blas.scratch(1, (long) k * k);
        check(openblas.LAPACKE_dgeqrt3_work(Blas.LAPACK_COL_MAJOR, m, k, pa, m, pt, k), "dgeqrt3", m, k);
        if (n > k) {
            // wide tile: R's right part is Q^T times the columns right of the first m
            DoublePointer work = Blas.scratch(2, (long) (n - k) * k);
            check(openblas.LAPACKE_dlarfb_work(Blas.LAPACK_COL_MAJOR, LEFT, (byte) 'T', FORWARD, COLUMNWISE, m, n - k, k,
                    pa, m, pt, k, pa.getPointer((long) k * m), m, work, n - k), "dlarfb", m, n);
        }
        double[] f = Blas.values(pa, m * n);
        double[] t = Blas.values(pt, k * k);
        double[] qta = new double[m * n];
        int ld = m + k;
        double[] h = new double[ld * k];
        for (int j = 0; j < n; j++) {
            int rows = Math.min(j + 1, m);
            System.arraycopy(f, j * m, qta, j * m, rows);
        }
        for (int j = 0; j < k; j++) {
            h[j * ld + j] = 1;
            System.arraycopy(f, j * m + j + 1, h, j * ld + j + 1, m - j - 1);
            System.arraycopy(t, j * k, h, j * ld + m, j + 1);
        }
        return new Factor(qta, m, n, Tile.wrap(ld, k, h));
    }

    /** Q^T C or Q C for the H tile {@code h} and C = {@code c} with as many rows as V. */
    private static Tile applyLeft(String kernel, Tile h, Tile c, boolean transpose) {
        DoublePointer pc = Blas.load(0, c);
        int k = reflectors(kernel, h, c.rows(), "C " + dims(c));
        DoublePointer ph = Blas.load(1, h);
        DoublePointer work = Blas.scratch(2, (long) c.cols() * k);
        check(openblas.LAPACKE_dlarfb_work(Blas.LAPACK_COL_MAJOR, LEFT, (byte) (transpose ? 'T' : 'N'), FORWARD, COLUMNWISE,
                c.rows(), c.cols(), k, ph, h.rows(), ph.getPointer(h.rows() - k), h.rows(), pc, c.rows(), work, c.cols()),
                "dlarfb", c.rows(), c.cols());
        return Blas.tile(pc, c.rows(), c.cols());
    }

    /** {@code C Q} in place for the rows x cols column-major C in {@code pc} (scratch slot 0). */
    private static void applyRight(String kernel, Tile h, DoublePointer pc, int rows, int cols) {
        int k = reflectors(kernel, h, cols, "C " + rows + "x" + cols + " (columns)");
        DoublePointer ph = Blas.load(1, h);
        DoublePointer work = Blas.scratch(2, (long) rows * k);
        check(openblas.LAPACKE_dlarfb_work(Blas.LAPACK_COL_MAJOR, RIGHT, (byte) 'N', FORWARD, COLUMNWISE, rows, cols, k,
                ph, h.rows(), ph.getPointer(h.rows() - k), h.rows(), pc, rows, work, rows), "dlarfb", rows, cols);
    }

    /** Q^T or Q on [top; bottom], split back into the two heights. */
    private static Tile[] pairLeft(String kernel, Tile[] in, boolean transpose) {
        Tile top = in[1];
        Tile bottom = in[2];
        if (top.cols() != bottom.cols()) {
            throw Shapes.mismatch(kernel, "top " + dims(top) + ", bottom " + dims(bottom) + ": stacked tiles need the same columns");
        }
        int m = top.rows() + bottom.rows();
        Tile out = applyLeft(kernel, in[0], Tile.wrap(m, top.cols(), stack(top, bottom)), transpose);
        int n = top.cols();
        double[] lower = new double[bottom.rows() * n];
        for (int j = 0; j < n; j++) {
            System.arraycopy(out.values(), j * m + top.rows(), lower, j * bottom.rows(), bottom.rows());
        }
        return new Tile[] {Tile.wrap(top.rows(), n, firstRows(out.values(), m, n, top.rows())), Tile.wrap(bottom.rows(), n, lower)};
    }

    /** K of the H tile, checking that its V has {@code m} rows and is at least as tall as wide. */
    private static int reflectors(String kernel, Tile h, int m, String other) {
        int k = h.cols();
        if (h.rows() - k != m || m < k) {
            throw Shapes.mismatch(kernel, "H " + dims(h) + " holds reflectors of " + (h.rows() - k) + " rows, applied to " + other);
        }
        return k;
    }

    private static void requireTallTop(String kernel, String part, int h1, int k) {
        if (k > h1) {
            throw Shapes.mismatch(kernel, "the " + part + " tile must be at least as " + (part.equals("top") ? "tall" : "wide")
                    + " as the R factor: it has " + h1 + ", R has " + k);
        }
    }

    private static void requireSameRows(String kernel, Tile left, Tile right) {
        if (left.rows() != right.rows()) {
            throw Shapes.mismatch(kernel, "left " + dims(left) + ", right " + dims(right) + ": side-by-side tiles need the same rows");
        }
    }

    /** [top; bottom] column-major. */
    private static double[] stack(Tile top, Tile bottom) {
        int h1 = top.rows();
        int h2 = bottom.rows();
        int m = h1 + h2;
        double[] out = new double[Math.multiplyExact(m, top.cols())];
        for (int j = 0; j < top.cols(); j++) {
            System.arraycopy(top.values(), j * h1, out, j * m, h1);
            System.arraycopy(bottom.values(), j * h2, out, j * m + h1, h2);
        }
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The first {@code rows} rows of an m x n column-major array. */
    private static double[] firstRows(double[] a, int m, int n, int rows) {
        double[] out = new double[rows * n];
        for (int j = 0; j < n; j++) {
            System.arraycopy(a, j * m, out, j * rows, rows);
        }
        return out;
    }

    private static void check(int info, String routine, int m, int n) {
        if (info != 0) {
            throw new IllegalStateException(routine + " rejected argument " + (-info) + " for a " + m + "x" + n + " matrix");
        }
    }
}
