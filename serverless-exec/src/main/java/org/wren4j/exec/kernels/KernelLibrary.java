package org.wren4j.exec.kernels;

import java.util.Map;
import org.wren4j.planner.library.KernelSpec;
import org.wren4j.planner.library.KernelSpecs;

/** Kernel implementations by catalogue name. */
public final class KernelLibrary {
    private static final Map<String, TileKernel> KERNELS = Map.of(
            KernelSpecs.CHOL.name(), BlasKernels::chol,
            KernelSpecs.TRSM_RLT.name(), BlasKernels::trsmRlt,
            KernelSpecs.SYRK_UPDATE.name(), BlasKernels::syrkUpdate,
            KernelSpecs.GEMM.name(), BlasKernels::gemm,
            KernelSpecs.GEMM_ACC.name(), BlasKernels::gemmAcc,
            KernelSpecs.GEMM_SUM.name(), BlasKernels::gemmSum,
            KernelSpecs.SUM_N.name(), BlasKernels::sumN);

    private KernelLibrary() {
    }

    /** @throws IllegalArgumentException if no kernel of that name is implemented */
    public static TileKernel kernel(String name) {
        TileKernel k = KERNELS.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no implementation of kernel '" + name + "'; implemented: " + KERNELS.keySet());
        }
        return k;
    }

    /** Runs {@code name}, checking the catalogue's arity. */
    public static org.wren4j.tiles.Tile[] run(String name, org.wren4j.tiles.Tile[] inputs, double[] scalars) {
        KernelSpec spec = KernelSpecs.byName(name);
        if (!spec.variadic() && inputs.length != spec.inputs()) {
            throw new IllegalArgumentException("kernel " + name + " takes " + spec.inputs() + " tiles, got " + inputs.length);
        }
        var out = kernel(name).apply(inputs, scalars);
        if (out.length != spec.outputs()) {
            throw new IllegalStateException("kernel " + name + " returned " + out.length + " tiles, spec says " + spec.outputs());
        }
        return out;
    }

    /** Pins BLAS to one thread in this process: workers are single-core. */
    public static void singleThreaded() {
        DenseLinalg.setBlasThreads(1);
    }
}
