package org.wren4j.planner.library;

import static org.wren4j.planner.lambdapack.Expr.add;
import static org.wren4j.planner.lambdapack.Expr.and;
import static org.wren4j.planner.lambdapack.Expr.c;
import static org.wren4j.planner.lambdapack.Expr.eq;
import static org.wren4j.planner.lambdapack.Expr.gt;
import static org.wren4j.planner.lambdapack.Expr.log2Ceil;
import static org.wren4j.planner.lambdapack.Expr.lt;
import static org.wren4j.planner.lambdapack.Expr.min;
import static org.wren4j.planner.lambdapack.Expr.mul;
import static org.wren4j.planner.lambdapack.Expr.pow;
import static org.wren4j.planner.lambdapack.Expr.sub;
import static org.wren4j.planner.lambdapack.Expr.v;
import static org.wren4j.planner.lambdapack.Lp.block;
import static org.wren4j.planner.lambdapack.Lp.call;
import static org.wren4j.planner.lambdapack.Lp.let;
import static org.wren4j.planner.lambdapack.Lp.loop;
import static org.wren4j.planner.lambdapack.Lp.prioritized;
import static org.wren4j.planner.lambdapack.Lp.ref;
import static org.wren4j.planner.lambdapack.Lp.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.wren4j.planner.lambdapack.Block;
import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.KernelCall;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.Stmt;
import org.wren4j.planner.lambdapack.TileRef;

/**
 * Householder programs: TSQR and CAQR with their Householder factors, the application of Q,
 * and the band reduction of the SVD (BDFAC).
 *
 * <p>A <em>panel</em> factors the tiles at positions {@code p = 0..n-1} of one tile column
 * (QR) or tile row (LQ) with a binary tree: leaf {@code p} factors its own tile
 * ({@code qr_factor}, reflectors {@code Hl[k, i]}); node {@code (l, p)}, for
 * {@code p % 2^(l+1) == 0} and {@code p + 2^l < n}, factors the stacked R factors of positions
 * {@code p} (top) and {@code p + 2^l} (bottom) ({@code qr_pair_factor}, reflectors
 * {@code Ht[k, l, i]}), so the tree has {@code ceil(log2 n)} levels. The same tree applies
 * {@code Q^T} to every other tile of the panel's rows (columns for LQ). {@code W[k, v, i, j]}
 * is tile (i, j) of panel k after v node levels in which it was the top ({@code v = 0}: after
 * the leaf); position q is the bottom exactly once, at level {@code l = tz(q)}, after
 * {@code min(l, ceil(log2(n - q)))} levels as a top, and that node writes its final value for
 * the panel. The root (top of the last level, or the leaf when {@code n == 1}) writes the
 * panel's row of R.
 */
final class QrPrograms {
    private QrPrograms() {
    }

    /**
     * Where a panel reads and writes. Tile coordinates are (red, other): red is the index along
     * the reduction (tile row for QR, tile column for LQ), other the other one.
     *
     * @param panelIn      the panel's own tile at reduction index red, before the panel
     * @param in           tile (red, other) of a trailing column (row), before the panel
     * @param root         the R (or L) tile of the panel's own column (row)
     * @param rootTrailing final tile of position 0 in trailing column (row) {@code other}
     * @param bottom       final tile of position {@code red > first} in trailing column (row) {@code other}
     */
    private record Panel(boolean lq, Expr k, Expr first, Expr end, Expr panelOther, Expr otherFrom, Expr otherTo,
                         Function<Expr, TileRef> panelIn, BiFunction<Expr, Expr, TileRef> in, TileRef root, Function<Expr, TileRef> rootTrailing,
                         BiFunction<Expr, Expr, TileRef> bottom, String hl, String ht, String w, Expr priority) {

        TileRef at(String m, Expr red, Expr other, Expr... versions) {
            var idx = new ArrayList<>(List.of(versions));
            idx.add(lq ? other : red);
            idx.add(lq ? red : other);
            return new TileRef(m, idx);
        }

        String kernel(String qr) {
            return switch (qr) {
                case "qr_factor" -> lq ? "lq_factor" : qr;
                case "qr_leaf_qt" -> lq ? "lq_leaf_apply" : qr;
                case "qr_pair_factor" -> lq ? "lq_pair_factor" : qr;
                case "qr_pair_qt" -> lq ? "lq_pair_apply" : qr;
                default -> throw new IllegalArgumentException(qr);
            };
        }

        /**
         * The panel's statements; {@code trailing}: it updates other columns (rows);
         * {@code singleTrailing}: a panel of one tile can still have some (else that statement
         * would never run and is left out).
         */
        Block statements(boolean trailing, boolean singleTrailing) {
            Expr i = v("i");
            Expr j = v("j");
            Expr l = v("l");
            Expr p = v("p");
            Expr n = v("n");
            Expr levels = log2Ceil(n);
            TileRef hLeaf = ref(hl, k, i);
            TileRef hNode = ref(ht, k, l, i);
            Expr single = and(eq(n, c(1)), eq(i, first));
            Expr isRoot = and(eq(p, c(0)), eq(l, sub(levels, c(1))));
            Expr bottomVersion = min(l, log2Ceil(sub(sub(n, p), pow(c(2), l))));
            Expr leafPrio = priority;
            Expr nodePrio = add(priority, c(1));
            var leaf = new ArrayList<Stmt>(List.of(
                    when(single, kc(kernel("qr_factor"), List.of(root, hLeaf), List.of(panelIn.apply(i)), leafPrio)),
                    when(gt(n, c(1)), kc(kernel("qr_factor"), List.of(at(w, i, panelOther, k, c(0)), hLeaf),
                            List.of(panelIn.apply(i)), leafPrio))));
            if (trailing) {
                Stmt more = when(gt(n, c(1)), kc(kernel("qr_leaf_qt"), List.of(at(w, i, j, k, c(0))), List.of(hLeaf, in.apply(i, j)), leafPrio));
                leaf.add(singleTrailing
                        ? loop("j", otherFrom, otherTo,
                                when(single, kc(kernel("qr_leaf_qt"), List.of(rootTrailing.apply(j)), List.of(hLeaf, in.apply(i, j)), leafPrio)),
                                more)
                        : loop("j", otherFrom, otherTo, more));
            }
            var node = new ArrayList<Stmt>(List.of(
                    let("i", add(first, p)),
                    let("q", add(i, pow(c(2), l))),
                    when(isRoot, kc(kernel("qr_pair_factor"), List.of(root, hNode),
                            List.of(at(w, i, panelOther, k, l), at(w, v("q"), panelOther, k, bottomVersion)), nodePrio)),
                    when(Expr.not(isRoot), kc(kernel("qr_pair_factor"), List.of(at(w, i, panelOther, k, add(l, c(1))), hNode),
                            List.of(at(w, i, panelOther, k, l), at(w, v("q"), panelOther, k, bottomVersion)), nodePrio))));
            if (trailing) {
                List<TileRef> ins = List.of(hNode, at(w, i, j, k, l), at(w, v("q"), j, k, bottomVersion));
                node.add(loop("j", otherFrom, otherTo,
                        when(isRoot, kc(kernel("qr_pair_qt"), List.of(rootTrailing.apply(j), bottom.apply(v("q"), j)), ins, nodePrio)),
                        when(Expr.not(isRoot), kc(kernel("qr_pair_qt"), List.of(at(w, i, j, k, add(l, c(1))), bottom.apply(v("q"), j)),
                                ins, nodePrio))));
            }
            return block(
                    let("n", sub(end, first)),
                    loop("i", first, end, leaf.toArray(Stmt[]::new)),
                    loop("l", c(0), levels,
                            loop("p", c(0), sub(n, pow(c(2), l)), pow(c(2), add(l, c(1))), node.toArray(Stmt[]::new))));
        }
    }

    private static KernelCall kc(String kernel, List<TileRef> outputs, List<TileRef> inputs, Expr priority) {
        return call(kernel, outputs, inputs, List.of(), priority);
    }

    /**
     * CAQR of an {@code M x N} tile grid A (square tiles; every tile but the last of a column at
     * least as tall as the column is wide): one panel per tile column {@code k < min(M, N)},
     * whose tree applies Q^T to the tile columns right of it. Outputs R (tiles {@code R[k, j]},
     * {@code j >= k}, with A's tile shapes: upper trapezoidal), the leaf reflectors
     * {@code Hl[k, i]} and the node reflectors {@code Ht[k, l, i]}. Temporaries: X (the trailing
     * matrix before panel k, {@code X[0] = A}) and W.
     */
    static Program caqr() {
        Expr k = v("k");
        var panel = new Panel(false, k, k, v("M"), k, add(k, c(1)), v("N"),
                i -> ref("X", k, i, k), (i, j) -> ref("X", k, i, j), ref("R", k, k), j -> ref("R", k, j),
                (i, j) -> ref("X", add(k, c(1)), i, j), "Hl", "Ht", "W", mul(c(2), k));
        // wide grids: the last panels are single tiles with columns to update
        return Program.builder("caqr")
                .params("M", "N")
                .input("A")
                .output("R")
                .output("Hl")
                .output("Ht", 3)
                .temp("X", 3, "A")
                .temp("W", 4)
                .body(loop("k", c(0), min(v("M"), v("N")), panel.statements(true, true)))
                .build();
    }

    /**
     * TSQR of an {@code M x 1} tile grid A keeping the Householder factors: the panel of
     * {@link #caqr()} for k = 0 alone. Outputs {@code R[0, 0]}, {@code Hl[0, i]}, {@code Ht[0, l, i]}.
     */
    static Program tsqrFactors() {
        Expr k = c(0);
        var panel = new Panel(false, k, c(0), v("M"), c(0), c(0), c(0),
                i -> ref("A", i, c(0)), null, ref("R", k, k), null, null, "Hl", "Ht", "W", c(0));
        return Program.builder("tsqr_qr")
                .params("M")
                .input("A")
                .output("R")
                .output("Hl")
                .output("Ht", 3)
                .temp("W", 4)
                .body(panel.statements(false, false))
                .build();
    }

    /**
     * {@code Y = Q B} for the Q of {@link #caqr()} ({@code panels = min(M, N)} panels) or of
     * {@link #tsqrFactors()} (one panel): B is an {@code M x R} tile grid with A's tile rows.
     * With B the first columns of the identity ({@code [I; 0]} in A's tile shapes) Y is the thin
     * Q. Panel k applies its tree top-down (root first, leaves last) after the panels above it:
     * {@code V[k, v, i, j]} is row tile i before its top-node levels below v ({@code v = 0}:
     * ready for the leaf); {@code Z[k, i, j]} is row tile i after panels k and above (TSQR, one
     * panel, reads B instead). Both read B where never written: that is a row's value before the
     * first panel that touches it.
     */
    static Program applyQ(boolean tsqr) {
        Expr k = v("k");
        Expr i = v("i");
        Expr j = v("j");
        Expr l = v("l");
        Expr p = v("p");
        Expr n = v("n");
        Expr q = v("q");
        Expr bottomVersion = min(l, log2Ceil(sub(sub(n, p), pow(c(2), l))));
        Expr prio = mul(c(-2), k);
        Stmt[] panel = {
                let("n", sub(v("M"), k)),
                loop("l", c(0), log2Ceil(n),
                        loop("p", c(0), sub(n, pow(c(2), l)), pow(c(2), add(l, c(1))),
                                let("i", add(k, p)),
                                let("q", add(i, pow(c(2), l))),
                                loop("j", c(0), v("R"),
                                        kc(KernelSpecs.QR_PAIR_Q.name(), List.of(ref("V", k, l, i, j), ref("V", k, bottomVersion, q, j)),
                                                List.of(ref("Ht", k, l, i), ref("V", k, add(l, c(1)), i, j),
                                                        tsqr ? ref("B", q, j) : ref("Z", add(k, c(1)), q, j)),
                                                prio)))),
                loop("i", k, v("M"),
                        loop("j", c(0), v("R"), tsqr
                                ? kc(KernelSpecs.QR_LEAF_Q.name(), List.of(ref("Y", i, j)),
                                        List.of(ref("Hl", k, i), ref("V", k, c(0), i, j)), add(prio, c(1)))
                                : block(when(eq(k, c(0)), kc(KernelSpecs.QR_LEAF_Q.name(), List.of(ref("Y", i, j)),
                                        List.of(ref("Hl", k, i), ref("V", k, c(0), i, j)), add(prio, c(1)))),
                                when(gt(k, c(0)), kc(KernelSpecs.QR_LEAF_Q.name(), List.of(ref("Z", k, i, j)),
                                        List.of(ref("Hl", k, i), ref("V", k, c(0), i, j)), add(prio, c(1)))))))};
        Stmt body = tsqr ? block(let("k", c(0)), block(panel)) : loop("k", c(0), min(v("M"), v("N")), panel);
        var b = Program.builder(tsqr ? "tsqr_q" : "caqr_q");
        if (tsqr) {
            b.params("M", "R");
        } else {
            b.params("M", "N", "R");
        }
        b.input("Hl")
                .input("Ht", 3)
                .input("B")
                .output("Y")
                .temp("V", 4, "B");
        if (!tsqr) {
            b.temp("Z", 3, "B");
        }
        return b.body(body).build();
    }

    /**
     * Band reduction of the SVD (BDFAC) of an {@code N x N} tile grid A with square tiles:
     * for each k a QR panel on tile column k (rows k..N-1, Q^T applied to the columns right of
     * it), then an LQ panel on tile row k (columns k+1..N-1, Q applied from the right to the rows
     * below). A = U B V^T with B upper banded of bandwidth = the tile size: output
     * {@code B[k, k]} (upper triangular) and {@code B[k, k + 1]} (lower triangular); every other
     * tile of B is zero and not written. The reflectors are temporaries (left {@code Uh, Ut},
     * right {@code Vh, Vt}); X is the trailing matrix before panel k ({@code X[0] = A}), Z and Y
     * hold row k and the rows below it between the QR and the LQ panel.
     */
    static Program bdfac() {
        Expr k = v("k");
        Expr k1 = add(k, c(1));
        var qr = new Panel(false, k, k, v("N"), k, k1, v("N"),
                i -> ref("X", k, i, k), (i, j) -> ref("X", k, i, j), ref("B", k, k), j -> ref("Z", k, j),
                (i, j) -> ref("Y", k, i, j), "Uh", "Ut", "W", mul(c(4), k));
        var lq = new Panel(true, k, k1, v("N"), k, k1, v("N"),
                j -> ref("Z", k, j), (j, i) -> ref("Y", k, i, j), ref("B", k, k1), i -> ref("X", k1, i, k1),
                (j, i) -> ref("X", k1, i, j), "Vh", "Vt", "W2", add(mul(c(4), k), c(2)));
        return Program.builder("bdfac")
                .params("N")
                .input("A")
                .output("B")
                .temp("X", 3, "A")
                .temp("Z", 2)
                .temp("Y", 3)
                .temp("W", 4)
                .temp("W2", 4)
                .temp("Uh", 2)
                .temp("Ut", 3)
                .temp("Vh", 2)
                .temp("Vt", 3)
                .body(loop("k", c(0), v("N"), qr.statements(true, false)),
                        loop("k", c(0), sub(v("N"), c(1)), lq.statements(true, true)))
                .build();
    }
}
