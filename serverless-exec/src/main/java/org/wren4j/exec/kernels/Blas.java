package org.wren4j.exec.kernels;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.wren4j.tiles.Tile;

/**
 * Direct OpenBLAS/LAPACKE calls on column-major native memory (several ND4J wrappers are broken:
 * trsm, syrk, cholesky) and the per-thread native scratch they work in.
 *
 * <p>Each thread owns {@link #SLOTS} scratch buffers that grow to the largest size asked of them
 * and are then reused, so a kernel call allocates no native memory: a tile goes in with one bulk
 * {@code put} of its {@code double[]} and the result comes out with one bulk {@code get} into the
 * new tile's array. Workers are threads, so the buffers are thread-local; a kernel must not call
 * another kernel's entry point while it holds slots. {@link #releaseScratch()} frees a thread's
 * buffers (also freed when the thread dies and the buffers are collected).
 */
final class Blas {
    static final int COL_MAJOR = openblas.CblasColMajor;
    static final int LAPACK_COL_MAJOR = openblas.LAPACK_COL_MAJOR;
    static final int NO_TRANS = openblas.CblasNoTrans;
    static final int TRANS = openblas.CblasTrans;

    /** Scratch buffers per thread: enough for the five tiles plus workspace of the largest kernel. */
    static final int SLOTS = 6;

    /** Scratch starts on a cache line, wherever malloc put the block (see {@link #scratch}). */
    static final int ALIGNMENT = 64;

    // per thread: the aligned views kernels use, and the allocations behind them (freed on release)
    private static final ThreadLocal<DoublePointer[]> SCRATCH = ThreadLocal.withInitial(() -> new DoublePointer[SLOTS]);
    private static final ThreadLocal<DoublePointer[]> BLOCKS = ThreadLocal.withInitial(() -> new DoublePointer[SLOTS]);

    private Blas() {
    }

    /**
     * This thread's scratch buffer {@code slot}, holding at least {@code length} doubles,
     * positioned at 0 and starting on a {@link #ALIGNMENT}-byte boundary; its contents are
     * whatever the last kernel left there. The alignment is fixed so that a kernel's result does
     * not depend on where malloc happened to put its buffers: some OpenBLAS/LAPACK paths peel
     * loops to reach an aligned address, which changes the order of a sum, and reruns of a task
     * on another worker must give the same bits.
     */
    static DoublePointer scratch(int slot, long length) {
        DoublePointer[] slots = SCRATCH.get();
        DoublePointer p = slots[slot];
        if (p == null || p.capacity() < length) {
            DoublePointer[] blocks = BLOCKS.get();
            if (blocks[slot] != null) {
                blocks[slot].close();
            }
            long n = Math.max(1, length);
            DoublePointer block = new DoublePointer(n + ALIGNMENT / Double.BYTES);
            long skip = ((ALIGNMENT - block.address() % ALIGNMENT) % ALIGNMENT) / Double.BYTES;
            blocks[slot] = block;
            p = block.getPointer(DoublePointer.class, skip).capacity(n);
            slots[slot] = p;
        }
        return p.position(0);
    }

    /** Copies the tile's values (column-major, leading dimension = rows) into scratch {@code slot}. */
    static DoublePointer load(int slot, Tile t) {
        double[] v = t.values();
        DoublePointer p = scratch(slot, v.length);
        p.put(v, 0, v.length);
        return p;
    }

    /** The first {@code rows * cols} values of {@code p} (from position 0) as a new tile. */
    static Tile tile(DoublePointer p, int rows, int cols) {
        return Tile.wrap(rows, cols, values(p, Math.multiplyExact(rows, cols)));
    }

    /** The first {@code length} values of {@code p} (from position 0) in a new array. */
    static double[] values(DoublePointer p, int length) {
        double[] out = new double[length];
        p.position(0).get(out, 0, length);
        return out;
    }

    /** Frees this thread's scratch buffers; the next kernel call on it allocates them again. */
    static void releaseScratch() {
        DoublePointer[] slots = SCRATCH.get();
        DoublePointer[] blocks = BLOCKS.get();
        for (int i = 0; i < slots.length; i++) {
            slots[i] = null;
            if (blocks[i] != null) {
                blocks[i].close();
                blocks[i] = null;
            }
        }
    }

    /** Bytes of native scratch this thread holds. */
    static long scratchBytes() {
        long bytes = 0;
        for (DoublePointer p : SCRATCH.get()) {
            bytes += p == null ? 0 : p.capacity() * Double.BYTES;
        }
        return bytes;
    }

    /** {@code C := alpha A A^T + beta C} on the lower triangle of the {@code n x n} C; A is {@code n x k}. */
    static void syrkLower(int n, int k, double alpha, DoublePointer a, int lda, double beta, DoublePointer c, int ldc) {
        if (n == 0) {
            return;
        }
        openblas.cblas_dsyrk(COL_MAJOR, openblas.CblasLower, NO_TRANS, n, k, alpha, a, Math.max(1, lda), beta, c, Math.max(1, ldc));
    }

    /** {@code C = alpha op(A) op(B) + beta C} on column-major buffers with the given leading dimensions. */
    static void gemm(int transA, int transB, int m, int n, int k, double alpha, DoublePointer a, int lda,
                     DoublePointer b, int ldb, double beta, DoublePointer c, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        openblas.cblas_dgemm(COL_MAJOR, transA, transB, m, n, k, alpha, a, Math.max(1, lda), b, Math.max(1, ldb), beta, c,
                Math.max(1, ldc));
    }
}
