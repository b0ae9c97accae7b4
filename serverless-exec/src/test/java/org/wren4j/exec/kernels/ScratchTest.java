package org.wren4j.exec.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.wren4j.tiles.Tile;

/** The thread-local native scratch: reused between calls, freed on request, private to each worker thread. */
class ScratchTest {
    @Test
    void buffersGrowToTheLargestTileAndAreReleased() {
        KernelLibrary.releaseThreadBuffers();
        assertThat(Blas.scratchBytes()).isZero();
        KernelInputs.Inputs big = KernelInputs.of("gemm", 2);
        KernelLibrary.run("gemm", big.tiles(), big.scalars());
        long held = Blas.scratchBytes();
        assertThat(held).isPositive();
        KernelInputs.Inputs small = KernelInputs.of("gemm", 0);
        KernelLibrary.run("gemm", small.tiles(), small.scalars());
        assertThat(Blas.scratchBytes()).as("a smaller tile reuses the buffers").isEqualTo(held);
        KernelLibrary.releaseThreadBuffers();
        assertThat(Blas.scratchBytes()).isZero();
    }

    /** Every slot starts on a cache line at every size, so results cannot depend on where malloc put it. */
    @Test
    void buffersStartOnACacheLine() {
        KernelLibrary.releaseThreadBuffers();
        for (long length : new long[] {1, 3, 7, 100, 1001, 4097, 1 << 18}) {
            for (int slot = 0; slot < Blas.SLOTS; slot++) {
                var p = Blas.scratch(slot, length);
                assertThat(p.address() % Blas.ALIGNMENT).as("slot %d, %d doubles", slot, length).isZero();
                assertThat(p.capacity()).isGreaterThanOrEqualTo(length);
                p.put(length - 1, 1.5);
                assertThat(p.get(length - 1)).isEqualTo(1.5);
            }
        }
        KernelLibrary.releaseThreadBuffers();
        assertThat(Blas.scratchBytes()).isZero();
    }

    /** Worker threads run kernels at once; each must get what it gets alone (no shared buffers). */
    @Test
    void concurrentKernelsOnThreadsMatchSequentialResults() throws Exception {
        String[] kernels = {"gemm", "trsm_lln", "chol", "qr_factor", "qr_pair_qt", "lq_pair_apply", "lu_cand", "lu_diag", "lu_update"};
        List<Tile[]> expected = new ArrayList<>();
        for (String k : kernels) {
            for (int c = 1; c < KernelInputs.CASES; c++) {
                KernelInputs.Inputs in = KernelInputs.of(k, c);
                expected.add(KernelLibrary.run(k, in.tiles(), in.scalars()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Tile[]>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<Tile[]> out = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        out.clear();
                        for (String k : kernels) {
                            for (int c = 1; c < KernelInputs.CASES; c++) {
                                KernelInputs.Inputs in = KernelInputs.of(k, c);
                                out.add(KernelLibrary.run(k, in.tiles(), in.scalars()));
                            }
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<Tile[]>> run : runs) {
                List<Tile[]> got = run.get();
                for (int i = 0; i < expected.size(); i++) {
                    assertThat(got.get(i)).containsExactly(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
