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

import java.util.LinkedHashMap;
import java.util.Map;
import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.ReduceBuilder;
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
    private static final Program GEMM = BlasPrograms.gemm(ReduceBuilder.DEFAULT_FAN_IN);
    private static final Program GEMM_CHAIN = gemmChain0();

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
     * {@code C = A B} for an {@code M x K} grid A and a {@code K x N} grid B: each output tile is
     * a reduction over k with a tree of fan-in {@value org.wren4j.planner.lambdapack.ReduceBuilder#DEFAULT_FAN_IN}
     * (kernels {@code gemm_sum} at the leaves, {@code sum_n} inside; partial sums in the
     * temporary {@code T[level, node, i, j]}).
     */
    public static Program gemm() {
        return GEMM;
    }

    /** {@link #gemm()} with the given power-of-two fan-in of the k reduction. */
    public static Program gemm(int fanIn) {
        return BlasPrograms.gemm(fanIn);
    }

    /**
     * {@code C = A B} as a chain over k: {@code T[k, i, j] = T[k-1, i, j] + A[i, k] B[k, j]}
     * (kernels {@code gemm}, {@code gemm_acc}); the depth of each output tile is K.
     */
    public static Program gemmChain() {
        return GEMM_CHAIN;
    }

    /**
     * Gram matrix {@code C = X^T X} (SYRK) of an {@code M x N} grid X; only the lower tiles
     * {@code C[i, j], j <= i} are written (what Cholesky reads). Each is a reduction over the M
     * tile rows (kernels {@code gemm_tn_sum}, {@code sum_n}).
     */
    public static Program gram(int fanIn) {
        return BlasPrograms.gram(fanIn);
    }

    public static Program gram() {
        return gram(ReduceBuilder.DEFAULT_FAN_IN);
    }

    /**
     * Triangular solve with an {@code N x N} tile grid T (only the triangle {@code t.lower()}
     * names is read) and right-hand sides B: {@code op(T) X = B} with B an {@code N x R} grid
     * (left side) or {@code X op(T) = B} with B an {@code R x N} grid (right side). A vector
     * right-hand side is R = 1 with one-column (one-row) tiles. Parameters N, R; matrices T, B,
     * X; temporary S (B after each update).
     */
    public static Program trsm(Triangular t) {
        return BlasPrograms.trsm(t);
    }

    /** {@code Y = f(X)} element-wise with a {@code map_*} kernel; parameters M, N. */
    public static Program map(String kernel, double... scalars) {
        return ElementwisePrograms.map(kernel, scalars);
    }

    /** {@code Z = f(X, Y)} element-wise with a {@code zip_*} kernel; parameters M, N. */
    public static Program zip(String kernel, double... scalars) {
        return ElementwisePrograms.zip(kernel, scalars);
    }

    /** {@code Y = X^T} of an {@code M x N} grid, tile by tile. */
    public static Program transpose() {
        return ElementwisePrograms.transpose();
    }

    /**
     * Reduces every row of the {@code M x N} grid X: {@code Y[i, 0]} holds, for each row of tile
     * row i, the sum, 2-norm, min, max, or (value, column index) of the arg reductions, which
     * also take the full tile width {@code NB} (elements) as a parameter.
     */
    public static Program rowReduce(ReduceOp op, int fanIn) {
        return ElementwisePrograms.reduction(op, true, fanIn);
    }

    public static Program rowReduce(ReduceOp op) {
        return rowReduce(op, ReduceBuilder.DEFAULT_FAN_IN);
    }

    /** Column counterpart of {@link #rowReduce}: {@code Y[0, j]}; arg reductions take the tile height NB. */
    public static Program colReduce(ReduceOp op, int fanIn) {
        return ElementwisePrograms.reduction(op, false, fanIn);
    }

    public static Program colReduce(ReduceOp op) {
        return colReduce(op, ReduceBuilder.DEFAULT_FAN_IN);
    }

    /**
     * Tall-skinny QR of an {@code M x 1} tile grid A (tiles with the same n columns): the n x n
     * R factor, {@code R[0, 0]}, by a reduction tree of the given fan-in whose leaves factor a
     * group of stacked tiles and whose nodes factor stacked R factors (kernel {@code qr_r}).
     */
    public static Program tsqr(int fanIn) {
        org.wren4j.planner.lambdapack.Expr i = v("i");
        return Program.builder("tsqr")
                .params("M")
                .input("A")
                .output("R")
                .temp("T", 4)
                .body(org.wren4j.planner.lambdapack.Lp.reduce("i", c(0), v("M")).fanIn(fanIn)
                        .leaf(KernelSpecs.QR_R.name(), ref("A", i, c(0)))
                        .combine(KernelSpecs.QR_R.name())
                        .into(ref("R", c(0), c(0)), "T"))
                .build();
    }

    public static Program tsqr() {
        return tsqr(ReduceBuilder.DEFAULT_FAN_IN);
    }

    private static final Program TSQR_QR = QrPrograms.tsqrFactors();
    private static final Program TSQR_Q = QrPrograms.applyQ(true);
    private static final Program CAQR = QrPrograms.caqr();
    private static final Program CAQR_Q = QrPrograms.applyQ(false);

    /**
     * TSQR of an {@code M x 1} tile grid A that keeps its Householder factors, so that
     * {@link #tsqrQ()} can apply or form Q: a binary tree whose leaves factor one tile each
     * ({@code qr_factor}) and whose nodes factor two stacked R factors ({@code qr_pair_factor}).
     * Outputs the R factor {@code R[0, 0]} (A's first tile shape, upper trapezoidal, diagonal
     * possibly negative), leaf reflectors {@code Hl[0, i]} and node reflectors {@code Ht[0, l, i]}
     * (level l, top tile i), each an H tile in the compact WY form of {@code KernelSpecs}.
     * Every tile but the last needs at least as many rows as A has columns.
     */
    public static Program tsqrFactors() {
        return TSQR_QR;
    }

    /**
     * {@code Y = Q B} for the Q of {@link #tsqrFactors()}: inputs {@code Hl}, {@code Ht} and B
     * (an {@code M x R} tile grid with A's tile rows); the thin Q is {@code Q [I; 0]}, i.e. B the
     * first n columns of the identity. Parameters M, R.
     */
    public static Program tsqrQ() {
        return TSQR_Q;
    }

    /**
     * Communication-avoiding QR of an {@code M x N} tile grid A with square tiles (square or
     * tall: M >= N; wide grids factor the first M tile columns as panels and update the rest):
     * for each tile column k a TSQR panel over tile rows k..M-1 whose tree applies Q^T to the
     * tile columns right of it. Outputs R ({@code R[k, j]}, {@code j >= k}, with A's tile shapes;
     * A = Q R), and the reflectors {@code Hl[k, i]}, {@code Ht[k, l, i]} of panel k for
     * {@link #caqrQ()}. Parameters M, N.
     */
    public static Program caqr() {
        return CAQR;
    }

    /**
     * {@code Y = Q B} for the Q of {@link #caqr()}: panels applied last to first, each tree
     * top-down. B is an {@code M x R} tile grid with A's tile rows; B = the first n columns of
     * the identity gives the thin Q (m x n). Parameters M, N (of A), R.
     */
    public static Program caqrQ() {
        return CAQR_Q;
    }

    private static final Program CALU = LuPrograms.calu(4);
    private static final Program BDFAC = QrPrograms.bdfac();

    /**
     * The band reduction stage of the SVD (BDFAC, as numpywren) of an {@code N x N} tile grid
     * with square tiles: alternating QR panels on tile columns and LQ panels on tile rows give
     * {@code A = U B V^T} with B upper banded, bandwidth = the tile size: outputs {@code B[k, k]}
     * (upper triangular) and {@code B[k, k + 1]} (lower triangular), with A's tile shapes; the
     * other tiles of B are zero and not written. B has A's singular values. Parameter N.
     */
    public static Program bdfac() {
        return BDFAC;
    }

    /**
     * LU with tournament pivoting (CALU) of an {@code M x N} tile grid A with square tiles, with
     * reductions of fan-in 4 (tournament and pivot-row gathering); see {@link #calu(int)}.
     */
    public static Program calu() {
        return CALU;
    }

    /**
     * CALU with the given power-of-two fan-in. Outputs: {@code L[i, k]} (i >= k; diagonal tiles
     * unit lower triangular, ones stored), {@code U[k, j]} (j >= k; upper trapezoidal) and the
     * pivot tiles {@code P[0, k]}: row r of P[0, k] holds the tile row (column 0) and the row
     * within that tile (column 1) of the r-th pivot row of panel k, then its values. Panel k
     * moves its pivot rows to the top of tile row k in that order and the displaced rows of
     * tile row k into the pivot rows' places (in ascending order of both; see
     * {@code KernelSpecs.LU_DIAG}). Column block k of L is in the row order after panel k: later
     * panels' interchanges are not applied to it (use {@code interp.LuPivots} to form the
     * usual P A = L U). A zero pivot (singular matrix) fails {@code lu_diag}. Parameters M, N.
     */
    public static Program calu(int fanIn) {
        return LuPrograms.calu(fanIn);
    }

    /**
     * {@link #calu()} for an A written earlier in the same fused program: its working matrix
     * starts as an explicit copy of A, as the tournament cannot read A's tiles in place then.
     */
    public static Program caluOfComputed() {
        return LuPrograms.calu(4, true);
    }

    /**
     * {@code Y = L^-1 P B}: the pivoted forward substitution with the outputs L, P of
     * {@link #calu()} of a square {@code M x M} tile grid, for an {@code M x R} grid B (the
     * first half of a general solve; {@code trsm} with U finishes it). Parameters M, R.
     */
    public static Program luForward() {
        return LuPrograms.forward(4);
    }

    /**
     * {@code Y = P B}: the row permutation of {@link #calu()} (square {@code M x M} tiles, inputs
     * U and P) applied to an {@code M x R} grid B. Parameters M, R.
     */
    public static Program luPermute() {
        return LuPrograms.permute(4);
    }

    /**
     * The unit lower {@code LS} of {@code P A = LS U} from the outputs L, U, P of {@link #calu()}
     * of a square {@code M x M} tile grid (calu leaves later interchanges unapplied). Parameter M.
     */
    public static Program luStandardL() {
        return LuPrograms.standardL(4);
    }

    /**
     * A library program by name: {@code cholesky}, {@code gemm}, {@code gemm_chain}, {@code gram},
     * {@code trsm_<left|right>_<lower|upper>[_t]}, {@code transpose}, {@code row_<op>},
     * {@code col_<op>}, {@code tsqr}, ...
     *
     * @throws IllegalArgumentException if no program has that name
     */
    public static Program byName(String name) {
        Program p = catalogue().get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown program '" + name + "'; known: " + catalogue().keySet());
        }
        return p;
    }

    /** Every named library program (maps and zips with one representative kernel each). */
    public static Map<String, Program> catalogue() {
        var out = new LinkedHashMap<String, Program>();
        out.put("cholesky", cholesky());
        out.put("gemm", gemm());
        out.put("gemm_chain", gemmChain());
        out.put("gram", gram());
        for (Triangular.Side side : Triangular.Side.values()) {
            for (boolean lower : new boolean[] {true, false}) {
                for (boolean trans : new boolean[] {false, true}) {
                    Program p = trsm(new Triangular(side, lower, trans));
                    out.put(p.name(), p);
                }
            }
        }
        out.put("map_scale", map("map_scale", 2.0));
        out.put("zip_add", zip("zip_add"));
        out.put("transpose", transpose());
        for (ReduceOp op : ReduceOp.values()) {
            out.put("row_" + op.lowerName(), rowReduce(op));
            out.put("col_" + op.lowerName(), colReduce(op));
        }
        out.put("tsqr", tsqr());
        out.put("tsqr_qr", tsqrFactors());
        out.put("tsqr_q", tsqrQ());
        out.put("caqr", caqr());
        out.put("caqr_q", caqrQ());
        out.put("calu", calu());
        out.put("bdfac", bdfac());
        return out;
    }

    private static Program gemmChain0() {
        Expr i = v("i");
        Expr j = v("j");
        Expr k = v("k");
        Expr last = sub(v("K"), c(1));
        return Program.builder("gemm_chain")
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
