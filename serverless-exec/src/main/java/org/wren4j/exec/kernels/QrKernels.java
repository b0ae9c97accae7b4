package org.wren4j.exec.kernels;

import static org.wren4j.exec.kernels.Shapes.dims;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.wren4j.tiles.Tile;

/** The R factor of TSQR leaves and combines, on LAPACK dgeqrf. */
final class QrKernels {
    private QrKernels() {
    }

    /**
     * The n x n R of the tiles stacked vertically: dgeqrf on the stack, its upper triangle kept,
     * rows negated where the diagonal is negative (LAPACK leaves the signs to the reflectors; the
     * spec wants R's diagonal non-negative so that R is unique and TSQR trees agree).
     */
    static Tile[] qrR(Tile[] in, double[] s) {
        if (in.length == 0) {
            throw new IllegalArgumentException("kernel qr_r needs at least one tile");
        }
        int n = in[0].cols();
        long rows = 0;
        for (int p = 0; p < in.length; p++) {
            if (in[p].cols() != n) {
                throw Shapes.mismatch("qr_r", "tile " + p + " is " + dims(in[p]) + ", tile 0 is " + dims(in[0])
                        + ": stacked tiles need the same columns");
            }
            rows += in[p].rows();
        }
        if (rows > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("kernel qr_r: " + rows + " stacked rows exceed LAPACK's int dimensions");
        }
        int m = (int) rows;
        int k = Math.min(m, n);
        double[] r = new double[Math.multiplyExact(n, n)];
        DoublePointer a = Blas.scratch(0, (long) m * n);
        DoublePointer tau = Blas.scratch(1, k);
        {
            int offset = 0;
            for (Tile t : in) {
                double[] v = t.values();
                int h = t.rows();
                for (int j = 0; j < n; j++) {
                    a.position((long) j * m + offset).put(v, j * h, h);
                }
                offset += h;
            }
            a.position(0);
            int info = openblas.LAPACKE_dgeqrf(openblas.LAPACK_COL_MAJOR, m, n, a, m, tau);
            if (info != 0) {
                throw new IllegalStateException("dgeqrf rejected argument " + (-info) + " for a " + m + "x" + n + " stack");
            }
            for (int j = 0; j < n; j++) {
                a.position((long) j * m).get(r, j * n, Math.min(j + 1, k));
            }
        }
        for (int i = 0; i < k; i++) {
            if (r[i * n + i] < 0) {
                for (int j = i; j < n; j++) {
                    r[j * n + i] = -r[j * n + i];
                }
            }
        }
        return new Tile[] {Tile.wrap(n, n, r)};
    }
}
