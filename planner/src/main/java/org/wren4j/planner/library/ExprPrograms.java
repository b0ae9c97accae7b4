package org.wren4j.planner.library;

import static org.wren4j.planner.lambdapack.Expr.add;
import static org.wren4j.planner.lambdapack.Expr.c;
import static org.wren4j.planner.lambdapack.Expr.mul;
import static org.wren4j.planner.lambdapack.Expr.v;
import static org.wren4j.planner.lambdapack.Lp.call;
import static org.wren4j.planner.lambdapack.Lp.loop;
import static org.wren4j.planner.lambdapack.Lp.reduce;
import static org.wren4j.planner.lambdapack.Lp.ref;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.FloatConst;
import org.wren4j.planner.lambdapack.KernelCall;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.ProgramBuilder;
import org.wren4j.planner.lambdapack.ReduceBuilder;
import org.wren4j.planner.lambdapack.TileRef;

/** Programs the expression planner lowers to, beside the algorithm library. */
public final class ExprPrograms {
    private ExprPrograms() {
    }

    /** How an element-wise input is indexed: the full grid, a row vector ({@code [0, j]}) or a column vector ({@code [i, 0]}). */
    public enum Broadcast { FULL, ROW, COLUMN }

    /**
     * {@code Y[i, j] = ew(X0[..], X1[..], ...; code)} over an {@code M x N} grid; only the lower
     * tiles ({@code j <= i}) when {@code lowerOnly} (a symmetric result). Parameters M, N.
     */
    public static Program elementwise(List<Broadcast> inputs, double[] code, boolean lowerOnly) {
        Expr i = v("i");
        Expr j = v("j");
        ProgramBuilder b = Program.builder("ew").params("M", "N");
        var refs = new ArrayList<TileRef>();
        for (int p = 0; p < inputs.size(); p++) {
            b.input("X" + p);
            refs.add(switch (inputs.get(p)) {
                case FULL -> ref("X" + p, i, j);
                case ROW -> ref("X" + p, c(0), j);
                case COLUMN -> ref("X" + p, i, c(0));
            });
        }
        List<Expr> scalars = Arrays.stream(code).mapToObj(x -> (Expr) new FloatConst(x)).toList();
        KernelCall ew = call(KernelSpecs.EW.name(), List.of(ref("Y", i, j)), refs, scalars, c(0));
        return b.output("Y")
                .body(loop("i", c(0), v("M"), loop("j", c(0), lowerOnly ? add(i, c(1)) : v("N"), ew)))
                .build();
    }

    /**
     * {@code C = X^T Y} for {@code M x N1} X and {@code M x N2} Y: each output tile reduces over
     * the M tile rows with {@code gemm_tn_sum} leaves, without forming X^T. Parameters M, N1, N2.
     */
    public static Program gemmTn() {
        Expr i = v("i");
        Expr j = v("j");
        Expr k = v("k");
        return Program.builder("gemm_tn")
                .params("M", "N1", "N2")
                .input("X")
                .input("Y")
                .output("C")
                .temp("T", 4)
                .body(loop("i", c(0), v("N1"),
                        loop("j", c(0), v("N2"),
                                reduce("k", c(0), v("M")).fanIn(ReduceBuilder.DEFAULT_FAN_IN)
                                        .leaf(KernelSpecs.GEMM_TN_SUM.name(), ref("X", k, i), ref("Y", k, j))
                                        .combine(KernelSpecs.SUM_N.name())
                                        .into(ref("C", i, j), "T"))))
                .build();
    }

    /**
     * Completes a symmetric {@code N x N} grid C of which only the lower tiles are written:
     * {@code C[i, j] = C[j, i]^T} above the diagonal. Parameter N.
     */
    public static Program mirror() {
        Expr i = v("i");
        Expr j = v("j");
        return Program.builder("mirror").params("N").output("C")
                .body(loop("i", c(0), v("N"), loop("j", add(i, c(1)), v("N"),
                        call(KernelSpecs.TRANSPOSE.name(), ref("C", i, j), ref("C", j, i)))))
                .build();
    }

    /** The index part of arg-reduction pairs: {@code Y[i, 0]} from {@code P[i, 0]} (rows, parameter M) or {@code Y[0, j]} (columns, N). */
    public static Program pairIndex(boolean rows) {
        Expr x = v("x");
        TileRef out = rows ? ref("Y", x, c(0)) : ref("Y", c(0), x);
        TileRef in = rows ? ref("P", x, c(0)) : ref("P", c(0), x);
        KernelCall k = call(KernelSpecs.PAIR_INDEX.name(), List.of(out), List.of(in), List.of(c(rows ? 0 : 1)), c(0));
        return Program.builder("pair_index").params("G").input("P").output("Y")
                .body(loop("x", c(0), v("G"), k))
                .build();
    }

    /**
     * The top-left {@code RR x CC} part of a matrix whose tile grid covers at least that:
     * {@code Y[i, j] = take(X[i, j]; min(B, RR - i B), min(B, CC - j B))} over the
     * {@code ceil(RR/B) x ceil(CC/B)} output grid. Parameters RR, CC, B.
     */
    public static Program crop() {
        Expr i = v("i");
        Expr j = v("j");
        Expr b = v("B");
        Expr rows = org.wren4j.planner.lambdapack.Expr.min(b, org.wren4j.planner.lambdapack.Expr.sub(v("RR"), org.wren4j.planner.lambdapack.Expr.mul(i, b)));
        Expr cols = org.wren4j.planner.lambdapack.Expr.min(b, org.wren4j.planner.lambdapack.Expr.sub(v("CC"), org.wren4j.planner.lambdapack.Expr.mul(j, b)));
        KernelCall take = call(KernelSpecs.TAKE.name(), List.of(ref("Y", i, j)), List.of(ref("X", i, j)), List.of(rows, cols), c(0));
        return Program.builder("crop").params("RR", "CC", "B").input("X").output("Y")
                .body(loop("i", c(0), org.wren4j.planner.lambdapack.Expr.ceilDiv(v("RR"), b),
                        loop("j", c(0), org.wren4j.planner.lambdapack.Expr.ceilDiv(v("CC"), b), take)))
                .build();
    }

    /** The diagonal of an {@code N x N} grid as a column vector {@code D[i, 0]}. Parameter N. */
    public static Program diagonal() {
        Expr i = v("i");
        return Program.builder("diag").params("N").input("A").output("D")
                .body(loop("i", c(0), v("N"), call(KernelSpecs.DIAG.name(), ref("D", i, c(0)), ref("A", i, i))))
                .build();
    }

    /**
     * Re-tiling along one axis: the {@code RN} rows from row {@code R0} of X (tiles of
     * {@code B}) as tiles of {@code OB} rows, columns as they are ({@code across}: columns
     * instead, with the roles of rows and columns swapped). For output tile i, each source tile
     * row s0(i) + t that covers part of it ({@code t < K = ceil(OB / B) + 1}) gives a
     * {@code retile} part {@code P[t, i, g]}, and {@code sum_n} gathers the parts. The source
     * tile is read at {@code floorDiv(...) + t} with t bounded by a constant, not as a
     * reduction over a range that starts at a quotient, so the dependency analysis can invert
     * the read when X is written in the same program. {@code G} is the number of tiles along
     * the untouched axis. Parameters R0, RN, B, OB, G, K.
     */
    public static Program retile(boolean across) {
        Expr i = v("i");
        Expr g = v("g");
        Expr t = v("t");
        Expr ob = v("OB");
        Expr b = v("B");
        Expr first = add(v("R0"), mul(i, ob));
        Expr size = org.wren4j.planner.lambdapack.Expr.min(ob, org.wren4j.planner.lambdapack.Expr.sub(v("RN"), mul(i, ob)));
        Expr from = org.wren4j.planner.lambdapack.Expr.floorDiv(first, b);
        Expr to = add(org.wren4j.planner.lambdapack.Expr.floorDiv(org.wren4j.planner.lambdapack.Expr.sub(add(first, size), c(1)), b), c(1));
        Expr s = add(from, t);
        TileRef src = across ? ref("X", g, s) : ref("X", s, g);
        TileRef out = across ? ref("Y", g, i) : ref("Y", i, g);
        KernelCall part = call(KernelSpecs.RETILE.name(), List.of(ref("P", t, i, g)), List.of(src),
                List.of(c(across ? 1 : 0), org.wren4j.planner.lambdapack.Expr.sub(first, mul(s, b)), size), c(0));
        return Program.builder(across ? "retile_cols" : "retile_rows").params("R0", "RN", "B", "OB", "G", "K").input("X").output("Y").temp("P", 3)
                .body(loop("i", c(0), org.wren4j.planner.lambdapack.Expr.ceilDiv(v("RN"), ob), loop("g", c(0), v("G"),
                        loop("t", c(0), v("K"), org.wren4j.planner.lambdapack.Lp.when(org.wren4j.planner.lambdapack.Expr.lt(s, to), part)),
                        org.wren4j.planner.lambdapack.Lp.gathered(KernelSpecs.SUM_N.name(), out, List.of(), "t", c(0),
                                org.wren4j.planner.lambdapack.Expr.sub(to, from), ref("P", t, i, g)))))
                .build();
    }

    /**
     * A tile-aligned window of X with the same tiles: {@code Y[i, j] = take(X[i + TI, j + TJ];
     * min(B, RN - i B), min(B, CN - j B))}, a copy of whole tiles except at the ragged edge.
     * Parameters TI, TJ, RN, CN, B.
     */
    public static Program window() {
        Expr i = v("i");
        Expr j = v("j");
        Expr b = v("B");
        Expr rows = org.wren4j.planner.lambdapack.Expr.min(b, org.wren4j.planner.lambdapack.Expr.sub(v("RN"), org.wren4j.planner.lambdapack.Expr.mul(i, b)));
        Expr cols = org.wren4j.planner.lambdapack.Expr.min(b, org.wren4j.planner.lambdapack.Expr.sub(v("CN"), org.wren4j.planner.lambdapack.Expr.mul(j, b)));
        KernelCall take = call(KernelSpecs.TAKE.name(), List.of(ref("Y", i, j)), List.of(ref("X", add(i, v("TI")), add(j, v("TJ")))),
                List.of(rows, cols), c(0));
        return Program.builder("window").params("TI", "TJ", "RN", "CN", "B").input("X").output("Y")
                .body(loop("i", c(0), org.wren4j.planner.lambdapack.Expr.ceilDiv(v("RN"), b),
                        loop("j", c(0), org.wren4j.planner.lambdapack.Expr.ceilDiv(v("CN"), b), take)))
                .build();
    }

    /**
     * Two matrices X1 and X2 of the same width joined one above the other ({@code across}: side
     * by side, rows and columns swapped), every output tile a {@code retile} of at most two
     * input tiles. X1 has TA tiles along the joined axis, X2 has TB and MB elements; G tiles
     * across. When X1's length is a multiple of the block B ({@code aligned}) the output tiles
     * are X1's then X2's, copied. Otherwise X1's last tile (C elements) is topped up with the
     * first {@code D = B - C} of X2, and every later output tile q takes X2's elements from
     * {@code q B + D}: the end of X2's tile q and the start of tile q + 1, or only the end of
     * its last tile (LAST = 1 when that output tile exists, else 0). Parameters TA, TB, MB, G,
     * B, and C, D, LAST when not aligned.
     */
    public static Program concat(boolean across, boolean aligned) {
        Expr i = v("i");
        Expr g = v("g");
        Expr q = v("q");
        Expr b = v("B");
        ProgramBuilder p = Program.builder(across ? "hstack" : "vstack").input("X1").input("X2").output("Y");
        java.util.function.BiFunction<String, Expr, TileRef> at = (m, s) -> across ? ref(m, g, s) : ref(m, s, g);
        Expr axis = c(across ? 1 : 0);
        if (aligned) {
            return p.params("TA", "TB", "MB", "G", "B")
                    .body(loop("i", c(0), v("TA"), loop("g", c(0), v("G"),
                                    call(KernelSpecs.RETILE.name(), List.of(at.apply("Y", i)), List.of(at.apply("X1", i)), List.of(axis, c(0), b), c(0)))),
                            loop("q", c(0), v("TB"), loop("g", c(0), v("G"),
                                    call(KernelSpecs.RETILE.name(), List.of(at.apply("Y", add(v("TA"), q))), List.of(at.apply("X2", q)),
                                            List.of(axis, c(0), org.wren4j.planner.lambdapack.Expr.min(b, org.wren4j.planner.lambdapack.Expr.sub(v("MB"), mul(q, b)))), c(0)))))
                    .build();
        }
        Expr last = org.wren4j.planner.lambdapack.Expr.sub(v("TA"), c(1));
        // X2's elements from q B + D on: min(B, MB - q B - D) of them
        Expr rest = org.wren4j.planner.lambdapack.Expr.min(b, org.wren4j.planner.lambdapack.Expr.sub(org.wren4j.planner.lambdapack.Expr.sub(v("MB"), mul(q, b)), v("D")));
        Expr y = add(v("TA"), q);
        return p.params("TA", "TB", "MB", "G", "B", "C", "D", "LAST")
                .body(loop("i", c(0), last, loop("g", c(0), v("G"),
                                call(KernelSpecs.RETILE.name(), List.of(at.apply("Y", i)), List.of(at.apply("X1", i)), List.of(axis, c(0), b), c(0)))),
                        loop("g", c(0), v("G"),
                                call(KernelSpecs.RETILE.name(), List.of(at.apply("Y", last)), List.of(at.apply("X1", last), at.apply("X2", c(0))),
                                        List.of(axis, c(0), org.wren4j.planner.lambdapack.Expr.min(b, add(v("C"), v("MB")))), c(0))),
                        loop("q", c(0), org.wren4j.planner.lambdapack.Expr.sub(v("TB"), c(1)), loop("g", c(0), v("G"),
                                call(KernelSpecs.RETILE.name(), List.of(at.apply("Y", y)), List.of(at.apply("X2", q), at.apply("X2", add(q, c(1)))),
                                        List.of(axis, v("D"), rest), c(0)))),
                        loop("q", org.wren4j.planner.lambdapack.Expr.sub(v("TB"), c(1)), add(org.wren4j.planner.lambdapack.Expr.sub(v("TB"), c(1)), v("LAST")),
                                loop("g", c(0), v("G"),
                                        call(KernelSpecs.RETILE.name(), List.of(at.apply("Y", y)), List.of(at.apply("X2", q)),
                                                List.of(axis, v("D"), rest), c(0)))))
                .build();
    }
}
