package org.wren4j.planner.library;

import static org.wren4j.planner.lambdapack.Expr.add;
import static org.wren4j.planner.lambdapack.Expr.c;
import static org.wren4j.planner.lambdapack.Expr.min;
import static org.wren4j.planner.lambdapack.Expr.mul;
import static org.wren4j.planner.lambdapack.Expr.v;
import static org.wren4j.planner.lambdapack.Lp.call;
import static org.wren4j.planner.lambdapack.Lp.loop;
import static org.wren4j.planner.lambdapack.Lp.reduce;
import static org.wren4j.planner.lambdapack.Lp.ref;

import java.util.List;
import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.TileRef;

/** LU with tournament pivoting (CALU). */
final class LuPrograms {
    private LuPrograms() {
    }

    /**
     * Right-looking CALU of an {@code M x N} tile grid A with square tiles. Panel k
     * ({@code k < min(M, N)}): a tournament (a reduction of fan-in {@code fanIn} over tile rows
     * k..M-1: {@code lu_cand} leaves, {@code lu_cand_merge} nodes) selects the pivot rows
     * {@code P[0, k]}; {@code lu_diag} factors the pivot block into {@code L[k, k]},
     * {@code U[k, k]}; for each column j > k the pivot rows of column j are gathered by a sum
     * reduction ({@code lu_pick}, {@code sum_n}) into {@code PR[k, j]} and solved to
     * {@code U[k, j]} ({@code trsm_lln}); below the diagonal {@code lu_l} gives {@code L[i, k]}
     * and {@code lu_update} the trailing tiles {@code X[k + 1, i, j]}, both applying the panel's
     * row interchange on the fly. {@code X[k]} is the trailing matrix before panel k.
     */
    static Program calu(int fanIn) {
        Expr k = v("k");
        Expr i = v("i");
        Expr j = v("j");
        Expr k1 = add(k, c(1));
        TileRef piv = ref("P", c(0), k);
        return Program.builder("calu")
                .params("M", "N")
                .input("A")
                .output("L")
                .output("U")
                .output("P")
                .temp("X", 3, "A")
                .temp("TP", 4)
                .temp("PR", 2)
                .temp("TR", 4)
                .body(loop("k", c(0), min(v("M"), v("N")),
                        reduce("i", k, v("M")).fanIn(fanIn)
                                .leaf(KernelSpecs.LU_CAND.name(), ref("X", k, i, k))
                                .leafScalars(i)
                                .combine(KernelSpecs.LU_CAND_MERGE.name())
                                .priority(mul(c(3), k))
                                .into(piv, "TP"),
                        call(KernelSpecs.LU_DIAG.name(), List.of(ref("L", k, k), ref("U", k, k)), List.of(piv, ref("X", k, k, k)),
                                List.of(k), mul(c(3), k)),
                        loop("j", k1, v("N"),
                                reduce("i", k, v("M")).fanIn(fanIn)
                                        .leafInputs(piv)
                                        .leaf(KernelSpecs.LU_PICK.name(), ref("X", k, i, j))
                                        .leafScalars(i)
                                        .combine(KernelSpecs.SUM_N.name())
                                        .priority(add(mul(c(3), k), c(1)))
                                        .into(ref("PR", k, j), "TR"),
                                call("trsm_lln", List.of(ref("U", k, j)), List.of(ref("L", k, k), ref("PR", k, j)), List.of(),
                                        add(mul(c(3), k), c(1)))),
                        loop("i", k1, v("M"),
                                call(KernelSpecs.LU_L.name(), List.of(ref("L", i, k)),
                                        List.of(piv, ref("X", k, k, k), ref("X", k, i, k), ref("U", k, k)), List.of(k, i),
                                        add(mul(c(3), k), c(1))),
                                loop("j", k1, v("N"),
                                        call(KernelSpecs.LU_UPDATE.name(), List.of(ref("X", k1, i, j)),
                                                List.of(piv, ref("X", k, k, j), ref("X", k, i, j), ref("L", i, k), ref("U", k, j)),
                                                List.of(k, i), add(mul(c(3), k), c(2)))))))
                .build();
    }
}
