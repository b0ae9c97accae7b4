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
        return calu(fanIn, false);
    }

    /**
     * CALU; with {@code copyInput} the first version of the working matrix is an explicit copy
     * of A ({@code sum_n} of one tile) instead of A's tiles read in place, for A written earlier
     * in the same fused program: the tournament's gathers cannot read a temporary initialised
     * from such a matrix.
     */
    static Program calu(int fanIn, boolean copyInput) {
        Expr k = v("k");
        Expr i = v("i");
        Expr j = v("j");
        Expr k1 = add(k, c(1));
        TileRef piv = ref("P", c(0), k);
        var b = Program.builder("calu")
                .params("M", "N")
                .input("A")
                .output("L")
                .output("U")
                .output("P");
        if (copyInput) {
            b.temp("X", 3);
        } else {
            b.temp("X", 3, "A");
        }
        var copy = loop("i", c(0), v("M"), loop("j", c(0), v("N"), call(KernelSpecs.SUM_N.name(), ref("X", c(0), i, j), ref("A", i, j))));
        var factor = loop("k", c(0), min(v("M"), v("N")),
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
                                                List.of(k, i), add(mul(c(3), k), c(2))))));
        b.temp("TP", 4).temp("PR", 2).temp("TR", 4);
        return (copyInput ? b.body(copy, factor) : b.body(factor)).build();
    }

    /**
     * {@code Y = L^-1 P B} for the CALU factors of a square {@code M x M} tile grid and an
     * {@code M x R} grid B: panel k gathers the pivot rows of B's tile row k ({@code lu_pick},
     * {@code sum_n}), solves them with {@code L[k, k]} into {@code Y[k, j]} and updates the tiles
     * below with {@code lu_update}, exactly as calu treats a trailing column of A. So the
     * interchanges are applied in the same order as during the factorization, which is what L's
     * column blocks (each in the row order after its panel) expect.
     */
    static Program forward(int fanIn) {
        return pivotedColumns("lu_forward", fanIn, true);
    }

    /**
     * {@code Y = P B} for the pivots of CALU of a square {@code M x M} tile grid; B is
     * {@code M x R}. The interchange alone is {@code lu_update} with a zero factor: U's
     * structurally zero tile {@code U[i, k]} (i > k) times the gathered top tile, which spares
     * the runtime a kernel at the price of a product with zeros (a dedicated interchange kernel
     * would save it; an Inf or NaN in B would also turn into NaN through it).
     */
    static Program permute(int fanIn) {
        return pivotedColumns("lu_permute", fanIn, false);
    }

    private static Program pivotedColumns(String name, int fanIn, boolean solve) {
        Expr k = v("k");
        Expr i = v("i");
        Expr j = v("j");
        Expr k1 = add(k, c(1));
        TileRef piv = ref("P", c(0), k);
        TileRef top = solve ? ref("PB", k, j) : ref("Y", k, j);
        var gather = reduce("i", k, v("M")).fanIn(fanIn)
                .leafInputs(piv)
                .leaf(KernelSpecs.LU_PICK.name(), ref("Z", k, i, j))
                .leafScalars(i)
                .combine(KernelSpecs.SUM_N.name())
                .priority(mul(c(2), k))
                .into(top, "TR");
        var below = solve
                ? call(KernelSpecs.LU_UPDATE.name(), List.of(ref("Z", k1, i, j)),
                        List.of(piv, ref("Z", k, k, j), ref("Z", k, i, j), ref("L", i, k), ref("Y", k, j)), List.of(k, i), add(mul(c(2), k), c(1)))
                : call(KernelSpecs.LU_UPDATE.name(), List.of(ref("Z", k1, i, j)),
                        List.of(piv, ref("Z", k, k, j), ref("Z", k, i, j), ref("U", i, k), ref("Y", k, j)), List.of(k, i), add(mul(c(2), k), c(1)));
        var b = Program.builder(name).params("M", "R");
        b.input(solve ? "L" : "U");
        b.input("P").input("B").output("Y").temp("Z", 3).temp("TR", 4);
        // an explicit first version: B may be written by an earlier part of a fused program, and
        // a gather cannot read a temporary initialised from such a matrix
        var copy = loop("i", c(0), v("M"), loop("j", c(0), v("R"), call(KernelSpecs.SUM_N.name(), ref("Z", c(0), i, j), ref("B", i, j))));
        if (solve) {
            b.temp("PB", 2);
            return b.body(copy, loop("k", c(0), v("M"), loop("j", c(0), v("R"), gather,
                    call("trsm_lln", List.of(ref("Y", k, j)), List.of(ref("L", k, k), ref("PB", k, j)), List.of(), mul(c(2), k)),
                    loop("i", k1, v("M"), below)))).build();
        }
        return b.body(copy, loop("k", c(0), v("M"), loop("j", c(0), v("R"), gather, loop("i", k1, v("M"), below)))).build();
    }

    /**
     * The usual unit lower L of {@code P A = L U} from calu's L of a square {@code M x M} tile
     * grid: column block q gets the interchanges of panels q + 1, q + 2, ... ({@code lu_pick}
     * gathers the new top tile of each panel; {@code lu_update} with the zero tile
     * {@code U[i, k]} as factor moves the displaced rows below, as in {@link #permute}).
     * Output {@code LS[i, q]}, i >= q. Parameter M.
     */
    static Program standardL(int fanIn) {
        Expr q = v("q");
        Expr k = v("k");
        Expr i = v("i");
        Expr k1 = add(k, c(1));
        TileRef piv = ref("P", c(0), k);
        return Program.builder("lu_standard_l")
                .params("M")
                .input("L")
                .input("U")
                .input("P")
                .output("LS")
                .temp("W", 3)
                .temp("TR", 4)
                .body(loop("q", c(0), v("M"),
                        call(KernelSpecs.SUM_N.name(), ref("LS", q, q), ref("L", q, q)),
                        // explicit copies: L is written by calu in the same fused program, and a
                        // gather cannot read a temporary initialised from such a matrix
                        loop("i", add(q, c(1)), v("M"), call(KernelSpecs.SUM_N.name(), ref("W", add(q, c(1)), i, q), ref("L", i, q))),
                        loop("k", add(q, c(1)), v("M"),
                                reduce("i", k, v("M")).fanIn(fanIn)
                                        .leafInputs(piv)
                                        .leaf(KernelSpecs.LU_PICK.name(), ref("W", k, i, q))
                                        .leafScalars(i)
                                        .combine(KernelSpecs.SUM_N.name())
                                        .into(ref("LS", k, q), "TR"),
                                loop("i", k1, v("M"),
                                        call(KernelSpecs.LU_UPDATE.name(), List.of(ref("W", k1, i, q)),
                                                List.of(piv, ref("W", k, k, q), ref("W", k, i, q), ref("U", i, k), ref("LS", k, q)),
                                                List.of(k, i), c(0))))))
                .build();
    }
}
