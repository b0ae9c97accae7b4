package org.wren4j.planner.library;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue of kernels the program library calls. Tiles are dense, column-major float64. */
public final class KernelSpecs {
    private KernelSpecs() {
    }

    public static final KernelSpec CHOL = new KernelSpec("chol", 1, 1, 0,
            "L = chol(A): lower Cholesky factor of the symmetric positive definite tile A (its lower triangle is read), "
                    + "strictly upper part of L zero; fails if A is not positive definite");
    public static final KernelSpec TRSM_RLT = new KernelSpec("trsm_rlt", 2, 1, 0,
            "X = B L^-T for lower triangular L = in[0] and B = in[1] (right side, lower, transposed): solves X L^T = B");
    public static final KernelSpec SYRK_UPDATE = new KernelSpec("syrk_update", 3, 1, 0,
            "C - A B^T for C = in[0], A = in[1], B = in[2] (the trailing update of Cholesky; symmetric when A == B)");
    public static final KernelSpec GEMM = new KernelSpec("gemm", 2, 1, 0, "A B for A = in[0], B = in[1]");
    public static final KernelSpec GEMM_ACC = new KernelSpec("gemm_acc", 3, 1, 0, "C + A B for C = in[0], A = in[1], B = in[2]");

    private static final Map<String, KernelSpec> BY_NAME = List.of(CHOL, TRSM_RLT, SYRK_UPDATE, GEMM, GEMM_ACC).stream()
            .collect(Collectors.toUnmodifiableMap(KernelSpec::name, Function.identity()));

    public static Map<String, KernelSpec> all() {
        return BY_NAME;
    }

    /** @throws IllegalArgumentException if no kernel has that name */
    public static KernelSpec byName(String name) {
        KernelSpec spec = BY_NAME.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown kernel '" + name + "'; known: " + BY_NAME.keySet());
        }
        return spec;
    }
}
