package org.wren4j.planner.library;

import static org.wren4j.planner.lambdapack.Expr.add;
import static org.wren4j.planner.lambdapack.Expr.c;
import static org.wren4j.planner.lambdapack.Expr.mul;
import static org.wren4j.planner.lambdapack.Expr.sub;
import static org.wren4j.planner.lambdapack.Expr.v;
import static org.wren4j.planner.lambdapack.Lp.call;
import static org.wren4j.planner.lambdapack.Lp.let;
import static org.wren4j.planner.lambdapack.Lp.loop;
import static org.wren4j.planner.lambdapack.Lp.prioritized;
import static org.wren4j.planner.lambdapack.Lp.reduce;
import static org.wren4j.planner.lambdapack.Lp.ref;

import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.KernelCall;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.TileRef;

/** Products and triangular solves. */
final class BlasPrograms {
    private BlasPrograms() {
    }

    static Program gemm(int fanIn) {
        Expr i = v("i");
        Expr j = v("j");
        Expr k = v("k");
        return Program.builder("gemm")
                .params("M", "N", "K")
                .input("A")
                .input("B")
                .output("C")
                .temp("T", 4)
                .body(loop("i", c(0), v("M"),
                        loop("j", c(0), v("N"),
                                reduce("k", c(0), v("K")).fanIn(fanIn)
                                        .leaf(KernelSpecs.GEMM_SUM.name(), ref("A", i, k), ref("B", k, j))
                                        .combine(KernelSpecs.SUM_N.name())
                                        .into(ref("C", i, j), "T"))))
                .build();
    }

    static Program gram(int fanIn) {
        Expr i = v("i");
        Expr j = v("j");
        Expr k = v("k");
        return Program.builder("gram")
                .params("M", "N")
                .input("X")
                .output("C")
                .temp("T", 4)
                .body(loop("i", c(0), v("N"),
                        loop("j", c(0), add(i, c(1)),
                                reduce("k", c(0), v("M")).fanIn(fanIn)
                                        .leaf(KernelSpecs.GEMM_TN_SUM.name(), ref("X", k, i), ref("X", k, j))
                                        .combine(KernelSpecs.SUM_N.name())
                                        .into(ref("C", i, j), "T"))))
                .build();
    }

    /**
     * Right-looking substitution over the {@code N x N} tile grid of T, for the {@code R} tile
     * columns (left side) or rows (right side) of B. Step {@code k} solves the diagonal block at
     * position {@code r = p(k)} ({@code p(k) = k} when the system is solved first to last,
     * {@code N - 1 - k} otherwise) and updates the blocks still to solve;
     * {@code S[k, ., .]} is B after k updates, {@code S[0, ., .] = B}.
     */
    static Program trsm(Triangular t) {
        boolean left = t.side() == Triangular.Side.LEFT;
        // forward order when the first unknown block depends on no other one
        boolean forward = left == t.effectiveLower();
        Expr k = v("k");
        Expr i = v("i");
        Expr c = v("c");
        Expr r = v("r");
        Expr q = v("q");
        Expr pk = forward ? k : sub(sub(v("N"), c(1)), k);
        Expr pi = forward ? i : sub(sub(v("N"), c(1)), i);
        TileRef diag = ref("T", r, r);
        KernelCall solve;
        KernelCall update;
        if (left) {
            // op(T)[q, r] = T[q, r] or T[r, q]^T
            solve = call(t.kernel(), ref("X", r, c), diag, ref("S", k, r, c));
            update = t.transpose()
                    ? call(KernelSpecs.GEMM_SUB_TN.name(), ref("S", add(k, c(1)), q, c), ref("S", k, q, c), ref("T", r, q), ref("X", r, c))
                    : call(KernelSpecs.GEMM_SUB_NN.name(), ref("S", add(k, c(1)), q, c), ref("S", k, q, c), ref("T", q, r), ref("X", r, c));
        } else {
            // op(T)[r, q] = T[r, q] or T[q, r]^T
            solve = call(t.kernel(), ref("X", c, r), diag, ref("S", k, c, r));
            update = t.transpose()
                    ? call(KernelSpecs.GEMM_SUB_NT.name(), ref("S", add(k, c(1)), c, q), ref("S", k, c, q), ref("X", c, r), ref("T", q, r))
                    : call(KernelSpecs.GEMM_SUB_NN.name(), ref("S", add(k, c(1)), c, q), ref("S", k, c, q), ref("X", c, r), ref("T", r, q));
        }
        return Program.builder(t.programName())
                .params("N", "R")
                .input("T")
                .input("B")
                .output("X")
                .temp("S", 3, "B")
                .body(loop("k", c(0), v("N"),
                        let("r", pk),
                        loop("c", c(0), v("R"),
                                prioritized(solve, mul(c(2), k)),
                                loop("i", add(k, c(1)), v("N"),
                                        let("q", pi),
                                        prioritized(update, add(mul(c(2), k), c(1)))))))
                .build();
    }
}
