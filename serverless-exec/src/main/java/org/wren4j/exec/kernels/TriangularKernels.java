package org.wren4j.exec.kernels;

import static org.wren4j.exec.kernels.Shapes.dims;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.wren4j.tiles.Tile;

/** Triangular solves {@code trsm_<side l|r><uplo l|u><trans n|t>} with one diagonal tile, on OpenBLAS dtrsm. */
final class TriangularKernels {
    private TriangularKernels() {
    }

    static String name(boolean left, boolean lower, boolean trans) {
        return "trsm_" + (left ? 'l' : 'r') + (lower ? 'l' : 'u') + (trans ? 't' : 'n');
    }

    /**
     * The kernel solving {@code op(T) X = B} (left) or {@code X op(T) = B} (right) for T = in[0]
     * triangular (only its {@code lower}/upper triangle is read) and B = in[1].
     */
    static TileKernel trsm(boolean left, boolean lower, boolean trans) {
        String name = name(left, lower, trans);
        return (in, scalars) -> new Tile[] {solve(name, left, lower, trans, in[0], in[1])};
    }

    private static Tile solve(String kernel, boolean left, boolean lower, boolean trans, Tile t, Tile b) {
        Shapes.requireSquare(kernel, t);
        int n = t.rows();
        if ((left ? b.rows() : b.cols()) != n) {
            throw Shapes.mismatch(kernel, "T is " + dims(t) + " but B is " + dims(b) + " (B needs " + n
                    + (left ? " rows" : " columns") + ")");
        }
        double[] tv = t.values();
        for (int i = 0; i < n; i++) {
            // dtrsm would divide by it and return Inf/NaN without a word
            if (tv[i * n + i] == 0.0) {
                throw new SingularInputException("kernel " + kernel + ": the " + n + "x" + n + " triangular tile is singular: "
                        + "zero on the diagonal at row " + i + " (0-based)");
            }
        }
        DoublePointer x = Blas.load(1, b);
        openblas.cblas_dtrsm(Blas.COL_MAJOR, left ? openblas.CblasLeft : openblas.CblasRight,
                lower ? openblas.CblasLower : openblas.CblasUpper, trans ? Blas.TRANS : Blas.NO_TRANS, openblas.CblasNonUnit,
                b.rows(), b.cols(), 1.0, Blas.load(0, t), n, x, b.rows());
        return Blas.tile(x, b.rows(), b.cols());
    }
}
