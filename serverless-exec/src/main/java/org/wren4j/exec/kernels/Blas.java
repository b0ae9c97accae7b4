package org.wren4j.exec.kernels;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.wren4j.tiles.Tile;

/**
 * Column-major ND4J arrays and direct OpenBLAS calls on their memory. Several ND4J BLAS and
 * LAPACK wrappers are broken (trsm, syrk, cholesky) so kernels call OpenBLAS themselves.
 */
final class Blas {
    static final int COL_MAJOR = openblas.CblasColMajor;
    static final int NO_TRANS = openblas.CblasNoTrans;
    static final int TRANS = openblas.CblasTrans;

    private Blas() {
    }

    static INDArray array(Tile t) {
        return Nd4j.create(t.values(), new long[] {t.rows(), t.cols()}, 'f');
    }

    static DoublePointer ptr(INDArray a) {
        return (DoublePointer) a.data().addressPointer();
    }

    /** Copies {@code a} into a new tile and frees {@code a}'s native memory. */
    static Tile tileAndClose(INDArray a) {
        try {
            return Tile.wrap((int) a.rows(), (int) a.columns(), a.data().asDouble());
        } finally {
            a.close();
        }
    }

    static void closeAll(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null) {
                a.close();
            }
        }
    }
}
