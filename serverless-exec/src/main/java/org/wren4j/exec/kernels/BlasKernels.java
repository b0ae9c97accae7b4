package org.wren4j.exec.kernels;

import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.wren4j.tiles.Tile;

/** The kernels of the Cholesky and GEMM programs on OpenBLAS. */
final class BlasKernels {
    private BlasKernels() {
    }

    static Tile[] chol(Tile[] in, double[] scalars) {
        Tile a = in[0];
        requireSquare("chol", a);
        int n = a.rows();
        INDArray l = Blas.array(a);
        try {
            int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, (byte) 'L', n, Blas.ptr(l), n);
            if (info > 0) {
                throw new KernelFailure("not positive definite: the leading minor of order " + info
                        + " of this " + n + "x" + n + " diagonal tile is not positive (pivot " + info + " <= 0 or NaN)");
            }
            if (info < 0) {
                throw new IllegalStateException("dpotrf rejected argument " + (-info));
            }
            double[] v = l.data().asDouble();
            for (int c = 1; c < n; c++) {
                java.util.Arrays.fill(v, c * n, c * n + c, 0.0);
            }
            return new Tile[] {Tile.wrap(n, n, v)};
        } finally {
            l.close();
        }
    }

    /** X = B L^-T. */
    static Tile[] trsmRlt(Tile[] in, double[] scalars) {
        Tile l = in[0];
        Tile b = in[1];
        requireSquare("trsm_rlt", l);
        if (b.cols() != l.rows()) {
            throw shape("trsm_rlt", "B has " + b.cols() + " columns but L is " + l.rows() + "x" + l.cols());
        }
        INDArray la = Blas.array(l);
        INDArray x = Blas.array(b);
        try {
            openblas.cblas_dtrsm(Blas.COL_MAJOR, openblas.CblasRight, openblas.CblasLower, Blas.TRANS, openblas.CblasNonUnit,
                    b.rows(), b.cols(), 1.0, Blas.ptr(la), l.rows(), Blas.ptr(x), b.rows());
            return new Tile[] {Blas.tileAndClose(x)};
        } finally {
            la.close();
        }
    }

    /** C - A B^T. */
    static Tile[] syrkUpdate(Tile[] in, double[] scalars) {
        Tile c = in[0];
        Tile a = in[1];
        Tile b = in[2];
        if (a.cols() != b.cols() || c.rows() != a.rows() || c.cols() != b.rows()) {
            throw shape("syrk_update", "C " + dims(c) + " - A " + dims(a) + " B^T " + dims(b));
        }
        return new Tile[] {gemm(c, a, b, Blas.TRANS, -1.0, 1.0)};
    }

    static Tile[] gemm(Tile[] in, double[] scalars) {
        Tile a = in[0];
        Tile b = in[1];
        if (a.cols() != b.rows()) {
            throw shape("gemm", "A " + dims(a) + " B " + dims(b));
        }
        return new Tile[] {gemm(null, a, b, Blas.NO_TRANS, 1.0, 0.0)};
    }

    static Tile[] gemmAcc(Tile[] in, double[] scalars) {
        Tile c = in[0];
        Tile a = in[1];
        Tile b = in[2];
        if (a.cols() != b.rows() || c.rows() != a.rows() || c.cols() != b.cols()) {
            throw shape("gemm_acc", "C " + dims(c) + " + A " + dims(a) + " B " + dims(b));
        }
        return new Tile[] {gemm(c, a, b, Blas.NO_TRANS, 1.0, 1.0)};
    }

    /** Sum over pairs of {@code in[2p] in[2p+1]}: one dgemm per pair accumulating with beta = 1. */
    static Tile[] gemmSum(Tile[] in, double[] scalars) {
        if (in.length == 0 || in.length % 2 != 0) {
            throw new IllegalArgumentException("kernel gemm_sum takes pairs of tiles, got " + in.length);
        }
        int m = in[0].rows();
        int n = in[1].cols();
        INDArray acc = org.nd4j.linalg.factory.Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.DOUBLE, new long[] {m, n}, 'f');
        try {
            for (int p = 0; p < in.length; p += 2) {
                Tile a = in[p];
                Tile b = in[p + 1];
                if (a.rows() != m || b.cols() != n || a.cols() != b.rows()) {
                    throw shape("gemm_sum", "pair " + p / 2 + ": A " + dims(a) + " B " + dims(b) + " into " + m + "x" + n);
                }
                INDArray aa = Blas.array(a);
                INDArray bb = Blas.array(b);
                try {
                    openblas.cblas_dgemm(Blas.COL_MAJOR, Blas.NO_TRANS, Blas.NO_TRANS, m, n, a.cols(), 1.0, Blas.ptr(aa), m,
                            Blas.ptr(bb), b.rows(), p == 0 ? 0.0 : 1.0, Blas.ptr(acc), m);
                } finally {
                    Blas.closeAll(aa, bb);
                }
            }
            return new Tile[] {Blas.tileAndClose(acc)};
        } catch (RuntimeException e) {
            acc.close();
            throw e;
        }
    }

    /** {@code beta C + alpha A op(B)}; {@code c == null} means zeros. */
    private static Tile gemm(Tile c, Tile a, Tile b, int transB, double alpha, double beta) {
        int m = a.rows();
        int k = a.cols();
        int n = transB == Blas.TRANS ? b.rows() : b.cols();
        INDArray aa = Blas.array(a);
        INDArray bb = Blas.array(b);
        INDArray cc = c == null ? org.nd4j.linalg.factory.Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.DOUBLE, new long[] {m, n}, 'f') : Blas.array(c);
        try {
            openblas.cblas_dgemm(Blas.COL_MAJOR, Blas.NO_TRANS, transB, m, n, k, alpha, Blas.ptr(aa), m,
                    Blas.ptr(bb), b.rows(), beta, Blas.ptr(cc), m);
            return Blas.tileAndClose(cc);
        } finally {
            Blas.closeAll(aa, bb);
        }
    }

    private static void requireSquare(String kernel, Tile t) {
        if (t.rows() != t.cols()) {
            throw shape(kernel, "needs a square tile, got " + dims(t));
        }
    }

    private static IllegalArgumentException shape(String kernel, String detail) {
        return new IllegalArgumentException("kernel " + kernel + ": tile shapes do not agree: " + detail);
    }

    private static String dims(Tile t) {
        return t.rows() + "x" + t.cols();
    }
}
