package org.wren4j.planner.library;

import static org.wren4j.planner.lambdapack.Expr.add;
import static org.wren4j.planner.lambdapack.Expr.and;
import static org.wren4j.planner.lambdapack.Expr.c;
import static org.wren4j.planner.lambdapack.Expr.eq;
import static org.wren4j.planner.lambdapack.Expr.gt;
import static org.wren4j.planner.lambdapack.Expr.lt;
import static org.wren4j.planner.lambdapack.Expr.mul;
import static org.wren4j.planner.lambdapack.Expr.sub;
import static org.wren4j.planner.lambdapack.Expr.v;
import static org.wren4j.planner.lambdapack.Lp.call;
import static org.wren4j.planner.lambdapack.Lp.loop;
import static org.wren4j.planner.lambdapack.Lp.prioritized;
import static org.wren4j.planner.lambdapack.Lp.ref;
import static org.wren4j.planner.lambdapack.Lp.when;

import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.KernelCall;
import org.wren4j.planner.lambdapack.Program;

/**
 * The LAmbdaPACK algorithm library. Every program takes its grid sizes (in tiles) as
 * parameters, so its size does not depend on the matrix.
 */
public final class Programs {
    private Programs() {
    }

    private static final Program CHOLESKY = cholesky0();
    private static final Program GEMM = gemm0();

    /**
     * Right-looking tiled Cholesky of an {@code N x N} grid: {@code A = O O^T}, only the lower
     * tiles of {@code O} written. {@code S[i, j, k]} is tile (j, k) after {@code i} trailing
     * updates; {@code S[0, j, k]} is {@code A[j, k]}. Priorities favour the next panel
     * (look-ahead): an update of column k runs just before column k is factored.
     */
    public static Program cholesky() {
        return CHOLESKY;
    }

    private static Program cholesky0() {
        Expr i = v("i");
        Expr j = v("j");
        Expr k = v("k");
        KernelCall chol = prioritized(call(KernelSpecs.CHOL.name(), ref("O", i, i), ref("S", i, i, i)), mul(c(3), i));
        KernelCall trsm = prioritized(call(KernelSpecs.TRSM_RLT.name(), ref("O", j, i), ref("O", i, i), ref("S", i, j, i)),
                add(mul(c(3), i), c(1)));
        KernelCall syrk = prioritized(call(KernelSpecs.SYRK_UPDATE.name(), ref("S", add(i, c(1)), j, k), ref("S", i, j, k), ref("O", j, i), ref("O", k, i)),
                sub(mul(c(3), k), c(1)));
        return Program.builder("cholesky")
                .params("N")
                .input("A")
                .output("O")
                .temp("S", 3, "A")
                .body(loop("i", c(0), v("N"),
                        chol,
                        loop("j", add(i, c(1)), v("N"),
                                trsm,
                                loop("k", add(i, c(1)), add(j, c(1)), syrk))))
                .build();
    }

    /**
     * {@code C = A B} for an {@code M x K} grid A and a {@code K x N} grid B. Each output tile
     * accumulates its K products in a chain {@code T[k, i, j] = T[k-1, i, j] + A[i, k] B[k, j]}
     * (one dgemm with beta = 1 per task, no extra tile traffic for a reduction tree); the last
     * product writes C.
     */
    public static Program gemm() {
        return GEMM;
    }

    private static Program gemm0() {
        Expr i = v("i");
        Expr j = v("j");
        Expr k = v("k");
        Expr last = sub(v("K"), c(1));
        return Program.builder("gemm")
                .params("M", "N", "K")
                .input("A")
                .input("B")
                .output("C")
                .temp("T", 3)
                .body(loop("i", c(0), v("M"),
                        loop("j", c(0), v("N"),
                                loop("k", c(0), v("K"),
                                        when(and(eq(k, c(0)), eq(k, last)),
                                                call(KernelSpecs.GEMM.name(), ref("C", i, j), ref("A", i, k), ref("B", k, j))),
                                        when(and(eq(k, c(0)), lt(k, last)),
                                                call(KernelSpecs.GEMM.name(), ref("T", k, i, j), ref("A", i, k), ref("B", k, j))),
                                        when(and(gt(k, c(0)), lt(k, last)),
                                                call(KernelSpecs.GEMM_ACC.name(), ref("T", k, i, j), ref("T", sub(k, c(1)), i, j), ref("A", i, k), ref("B", k, j))),
                                        when(and(gt(k, c(0)), eq(k, last)),
                                                call(KernelSpecs.GEMM_ACC.name(), ref("C", i, j), ref("T", sub(k, c(1)), i, j), ref("A", i, k), ref("B", k, j)))))))
                .build();
    }
}
