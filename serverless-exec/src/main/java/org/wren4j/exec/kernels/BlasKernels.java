package org.wren4j.exec.kernels;

import static org.wren4j.exec.kernels.Shapes.dims;
import static org.wren4j.exec.kernels.Shapes.mismatch;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.wren4j.tiles.Tile;

/** Cholesky and the products (GEMM family) on OpenBLAS. */
final class BlasKernels {
    private BlasKernels() {
    }

    static Tile[] chol(Tile[] in, double[] scalars) {
        Tile a = in[0];
        Shapes.requireSquare("chol", a);
        int n = a.rows();
        DoublePointer l = Blas.load(0, a);
        // _work: no NaN scan of the input. OpenBLAS's dpotrf tests only ajj <= 0, so a NaN pivot
        // passes and spreads NaN into L: the library's finite check of the result refuses it
        int info = openblas.LAPACKE_dpotrf_work(Blas.LAPACK_COL_MAJOR, (byte) 'L', n, l, n);
        if (info > 0) {
            throw new SingularInputException("not positive definite: the leading minor of order " + info
                    + " of this " + n + "x" + n + " diagonal tile is not positive (pivot " + info + " <= 0)");
        }
        if (info < 0) {
            throw new IllegalStateException("dpotrf rejected argument " + (-info));
        }
        double[] v = Blas.values(l, n * n);
        for (int c = 1; c < n; c++) {
            java.util.Arrays.fill(v, c * n, c * n + c, 0.0);
        }
        return new Tile[] {Tile.wrap(n, n, v)};
    }

    /**
     * C - A B^T. The diagonal update of Cholesky (B is A, C symmetric) forms only the lower half
     * (dsyrk: half the flops of the product) and mirrors it, so the result is exactly symmetric,
     * which also lets the tile store keep it packed. Any other input takes the full product.
     */
    static Tile[] syrkUpdate(Tile[] in, double[] scalars) {
        Tile c = in[0];
        Tile a = in[1];
        if (c.rows() == c.cols() && a.rows() == c.rows() && sameValues(a, in[2]) && org.wren4j.tiles.Symmetry.isSymmetric(c)) {
            int n = c.rows();
            DoublePointer cc = Blas.load(2, c);
            Blas.syrkLower(n, a.cols(), -1.0, Blas.load(0, a), a.rows(), 1.0, cc, n);
            double[] v = Blas.values(cc, n * n);
            org.wren4j.tiles.Symmetry.mirrorLower(v, n);
            return new Tile[] {Tile.wrap(n, n, v)};
        }
        return new Tile[] {update("syrk_update", in, Blas.NO_TRANS, Blas.TRANS)};
    }

    /** The same tile (one read of it) or equal values. */
    private static boolean sameValues(Tile a, Tile b) {
        return a == b || a.rows() == b.rows() && a.cols() == b.cols() && java.util.Arrays.equals(a.values(), b.values());
    }

    static Tile[] gemmSubNn(Tile[] in, double[] scalars) {
        return new Tile[] {update("gemm_sub_nn", in, Blas.NO_TRANS, Blas.NO_TRANS)};
    }

    static Tile[] gemmSubTn(Tile[] in, double[] scalars) {
        return new Tile[] {update("gemm_sub_tn", in, Blas.TRANS, Blas.NO_TRANS)};
    }

    static Tile[] gemmSubNt(Tile[] in, double[] scalars) {
        return new Tile[] {update("gemm_sub_nt", in, Blas.NO_TRANS, Blas.TRANS)};
    }

    static Tile[] gemm(Tile[] in, double[] scalars) {
        Tile a = in[0];
        Tile b = in[1];
        if (a.cols() != b.rows()) {
            throw mismatch("gemm", "A " + dims(a) + " B " + dims(b));
        }
        return new Tile[] {gemm(null, a, Blas.NO_TRANS, b, Blas.NO_TRANS, 1.0, 0.0)};
    }

    static Tile[] gemmAcc(Tile[] in, double[] scalars) {
        Tile c = in[0];
        Tile a = in[1];
        Tile b = in[2];
        if (a.cols() != b.rows() || c.rows() != a.rows() || c.cols() != b.cols()) {
            throw mismatch("gemm_acc", "C " + dims(c) + " + A " + dims(a) + " B " + dims(b));
        }
        return new Tile[] {gemm(c, a, Blas.NO_TRANS, b, Blas.NO_TRANS, 1.0, 1.0)};
    }

    /** Sum over pairs of {@code in[2p] in[2p+1]}: one dgemm per pair accumulating with beta = 1. */
    static Tile[] gemmSum(Tile[] in, double[] scalars) {
        return new Tile[] {productSum("gemm_sum", in, Blas.NO_TRANS)};
    }

    /** Sum over pairs of {@code in[2p]^T in[2p+1]}. */
    static Tile[] gemmTnSum(Tile[] in, double[] scalars) {
        return new Tile[] {productSum("gemm_tn_sum", in, Blas.TRANS)};
    }

    private static Tile productSum(String kernel, Tile[] in, int transA) {
        if (in.length == 0 || in.length % 2 != 0) {
            throw new IllegalArgumentException("kernel " + kernel + " takes pairs of tiles, got " + in.length);
        }
        boolean t = transA == Blas.TRANS;
        int m = t ? in[0].cols() : in[0].rows();
        int n = in[1].cols();
        for (int p = 0; p < in.length; p += 2) {
            Tile a = in[p];
            Tile b = in[p + 1];
            int am = t ? a.cols() : a.rows();
            int ak = t ? a.rows() : a.cols();
            if (am != m || b.cols() != n || ak != b.rows()) {
                throw mismatch(kernel, "pair " + p / 2 + ": A " + dims(a) + (t ? "^T" : "") + " B " + dims(b) + " into " + m + "x" + n);
            }
        }
        DoublePointer acc = Blas.scratch(2, (long) m * n);
        for (int p = 0; p < in.length; p += 2) {
            Tile a = in[p];
            Tile b = in[p + 1];
            Blas.gemm(transA, Blas.NO_TRANS, m, n, b.rows(), 1.0, Blas.load(0, a), a.rows(), Blas.load(1, b), b.rows(),
                    p == 0 ? 0.0 : 1.0, acc, m);
        }
        return Blas.tile(acc, m, n);
    }

    /** {@code C - op(A) op(B)} for {@code in = (C, A, B)}. */
    private static Tile update(String kernel, Tile[] in, int transA, int transB) {
        Tile c = in[0];
        Tile a = in[1];
        Tile b = in[2];
        int m = transA == Blas.TRANS ? a.cols() : a.rows();
        int ka = transA == Blas.TRANS ? a.rows() : a.cols();
        int kb = transB == Blas.TRANS ? b.cols() : b.rows();
        int n = transB == Blas.TRANS ? b.rows() : b.cols();
        if (ka != kb || c.rows() != m || c.cols() != n) {
            throw mismatch(kernel, "C " + dims(c) + " - A " + dims(a) + (transA == Blas.TRANS ? "^T" : "")
                    + " B " + dims(b) + (transB == Blas.TRANS ? "^T" : ""));
        }
        return gemm(c, a, transA, b, transB, -1.0, 1.0);
    }

    /** {@code beta C + alpha op(A) op(B)} on checked shapes; {@code c == null} means zeros. */
    private static Tile gemm(Tile c, Tile a, int transA, Tile b, int transB, double alpha, double beta) {
        int m = transA == Blas.TRANS ? a.cols() : a.rows();
        int k = transA == Blas.TRANS ? a.rows() : a.cols();
        int n = transB == Blas.TRANS ? b.rows() : b.cols();
        DoublePointer cc = c == null ? Blas.scratch(2, (long) m * n) : Blas.load(2, c);
        Blas.gemm(transA, transB, m, n, k, alpha, Blas.load(0, a), a.rows(), Blas.load(1, b), b.rows(), beta, cc, m);
        return Blas.tile(cc, m, n);
    }
}
