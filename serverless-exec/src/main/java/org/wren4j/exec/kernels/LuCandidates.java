package org.wren4j.exec.kernels;

import static org.wren4j.exec.kernels.Shapes.dims;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.openblas.global.openblas;
import org.wren4j.tiles.Tile;

/**
 * The tournament of LU with tournament pivoting: {@code lu_cand} (leaf) and {@code lu_cand_merge}
 * (node) choose rows by Gaussian elimination with partial pivoting, on LAPACK {@code dgetrf}.
 *
 * <p>Ties: the spec breaks a tie (equal largest |value| at a step) towards the first remaining
 * row in input order, while {@code dgetrf}'s {@code idamax} takes the first in its current,
 * already interchanged order. The kernel reads the ties off dgetrf's own L (a remaining row tied
 * with the pivot has |l| = 1, within the rounding of dgetrf's multiply by the pivot's reciprocal;
 * a pivot that is zero or negligible next to the input, as in a rank-deficient stack, leaves only
 * rounding residues to choose from) and, where dgetrf's choice was not the first tied row in input
 * order, where a pivot is negligible while rows remain, or where the input holds NaN or
 * infinities, redoes the selection in plain Java with the spec's exact arithmetic (O(r n^2)
 * scalar work, so slow on large rank-deficient stacks; cheap on zero tiles, whose steps skip the
 * elimination). What can still differ from the reference: two rows of a full-rank stack whose
 * values differ only by rounding, which the reference's and dgetrf's different orders of
 * operations may rank differently. The chosen rows' values are copied from the input, never
 * recomputed.
 */
final class LuCandidates {
    /** |l| at or above this counts as a tie with the pivot in dgetrf's arithmetic (about 9 ulps below 1). */
    private static final double TIE = 1 - 1e-15;

    /**
     * A pivot at most this times the largest |input value| is taken as zero: the remaining rows'
     * values are rounding residues of a rank-deficient stack (exact zeros in the reference), and
     * which of them dgetrf picks is down to rounding.
     */
    private static final double NEGLIGIBLE = 1e-12;

    private LuCandidates() {
    }

    static Tile[] cand(Tile[] in, double[] s) {
        long first = (long) s[0];
        int n = in[0].cols();
        int r = 0;
        for (int t = 0; t < in.length; t++) {
            if (in[t].cols() != n) {
                throw Shapes.mismatch("lu_cand", "tile " + t + " is " + dims(in[t]) + ", tile 0 is " + dims(in[0]));
            }
            r = Math.addExact(r, in[t].rows());
        }
        double[] values = new double[Math.multiplyExact(r, n)];
        double[] tile = new double[r];
        double[] row = new double[r];
        int offset = 0;
        for (int t = 0; t < in.length; t++) {
            int h = in[t].rows();
            for (int j = 0; j < n; j++) {
                System.arraycopy(in[t].values(), j * h, values, j * r + offset, h);
            }
            for (int i = 0; i < h; i++) {
                tile[offset + i] = first + t;
                row[offset + i] = i;
            }
            offset += h;
        }
        return new Tile[] {candidates(values, r, n, tile, row)};
    }

    static Tile[] merge(Tile[] in, double[] s) {
        int w = in[0].cols();
        if (w < 3) {
            throw Shapes.mismatch("lu_cand_merge", "a candidate tile has 2 label columns and at least one value column, got "
                    + dims(in[0]));
        }
        int r = 0;
        for (int t = 0; t < in.length; t++) {
            if (in[t].cols() != w) {
                throw Shapes.mismatch("lu_cand_merge", "candidate tile " + t + " is " + dims(in[t]) + ", tile 0 is " + dims(in[0]));
            }
            r = Math.addExact(r, in[t].rows());
        }
        int n = w - 2;
        double[] values = new double[Math.multiplyExact(r, n)];
        double[] tile = new double[r];
        double[] row = new double[r];
        int offset = 0;
        for (Tile t : in) {
            int h = t.rows();
            System.arraycopy(t.values(), 0, tile, offset, h);
            System.arraycopy(t.values(), h, row, offset, h);
            for (int j = 0; j < n; j++) {
                System.arraycopy(t.values(), (j + 2) * h, values, j * r + offset, h);
            }
            offset += h;
        }
        return new Tile[] {candidates(values, r, n, tile, row)};
    }

    /** The candidate tile of the rows chosen from the r x n column-major {@code values} with their labels. */
    private static Tile candidates(double[] values, int r, int n, double[] tile, double[] row) {
        int[] chosen = select(values, r, n);
        int c = chosen.length;
        double[] out = new double[c * (n + 2)];
        for (int q = 0; q < c; q++) {
            int i = chosen[q];
            out[q] = tile[i];
            out[c + q] = row[i];
            for (int j = 0; j < n; j++) {
                out[(j + 2) * c + q] = values[j * r + i];
            }
        }
        return Tile.wrap(c, n + 2, out);
    }

    /** Input rows chosen by GEPP, in pivot order, {@code min(r, n)} of them. */
    static int[] select(double[] values, int r, int n) {
        double scale = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return exactSelect(values, r, n);
            }
            scale = Math.max(scale, Math.abs(v));
        }
        double negligible = NEGLIGIBLE * scale;
        int c = Math.min(r, n);
        DoublePointer a = Blas.scratch(0, values.length);
        a.put(values, 0, values.length);
        int[] pivots = new int[c];
        try (IntPointer ipiv = new IntPointer(c)) {
            int info = openblas.LAPACKE_dgetrf_work(Blas.LAPACK_COL_MAJOR, r, n, a, r, ipiv);
            if (info < 0) {
                throw new IllegalStateException("dgetrf rejected argument " + (-info) + " for a " + r + "x" + n + " candidate stack");
            }
            ipiv.get(pivots);
        }
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) {
            perm[i] = i;
        }
        for (int j = 0; j < c; j++) {
            int p = pivots[j] - 1;
            int x = perm[j];
            perm[j] = perm[p];
            perm[p] = x;
        }
        double[] l = Blas.values(a, r * c); // the first c columns: L below the diagonal, U's diagonal on it
        for (int j = 0; j < c; j++) {
            if (j + 1 < r && Math.abs(l[j * r + j]) <= negligible) {
                return exactSelect(values, r, n); // rank deficient: rounding residues (or exact zeros) decide
            }
            for (int i = j + 1; i < r; i++) {
                double x = Math.abs(l[j * r + i]);
                if (!Double.isFinite(x) || (perm[i] < perm[j] && x >= TIE)) {
                    return exactSelect(values, r, n);
                }
            }
        }
        return java.util.Arrays.copyOf(perm, c);
    }

    /**
     * GEPP exactly as the spec states it, in plain Java: at step j the first remaining row (input
     * order) of largest |value| in column j; rows below it are eliminated with {@code f = a / pivot}
     * unless the pivot is zero.
     */
    static int[] exactSelect(double[] values, int r, int n) {
        int c = Math.min(r, n);
        double[] w = values.clone();
        boolean[] used = new boolean[r];
        double[] f = new double[r];
        int[] out = new int[c];
        for (int col = 0; col < c; col++) {
            int best = -1;
            double bestAbs = -1;
            for (int i = 0; i < r; i++) {
                double x = Math.abs(w[col * r + i]);
                if (!used[i] && (best < 0 || x > bestAbs)) {
                    best = i;
                    bestAbs = x;
                }
            }
            used[best] = true;
            out[col] = best;
            double piv = w[col * r + best];
            if (piv == 0) {
                continue;
            }
            for (int i = 0; i < r; i++) {
                f[i] = used[i] ? 0 : w[col * r + i] / piv;
            }
            for (int j = col; j < n; j++) {
                double pj = w[j * r + best];
                int base = j * r;
                for (int i = 0; i < r; i++) {
                    if (f[i] != 0) {
                        w[base + i] -= f[i] * pj;
                    }
                }
            }
        }
        return out;
    }
}
