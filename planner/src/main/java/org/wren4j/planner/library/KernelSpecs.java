package org.wren4j.planner.library;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of kernels the program library calls. Tiles are dense, column-major float64;
 * {@code in[p]} is the p-th input tile of a task (fixed inputs, then gathered ones), {@code op(X)}
 * is X or its transpose. Names are stable: the executor implements kernels by name. The plain
 * Java reference implementation is {@code org.wren4j.planner.interp.ReferenceKernels}.
 */
public final class KernelSpecs {
    private KernelSpecs() {
    }

    private static final int N = KernelSpec.VARIADIC;
    private static final Map<String, KernelSpec> BY_NAME = new LinkedHashMap<>();

    private static KernelSpec k(String name, int inputs, int outputs, int scalars, String semantics) {
        return register(new KernelSpec(name, inputs, outputs, scalars, semantics));
    }

    /** A kernel of a factorization or solve: its results must be finite ({@link KernelSpec.NonFinite#REFUSE}). */
    private static KernelSpec solver(String name, int inputs, int outputs, int scalars, String semantics) {
        return register(new KernelSpec(name, inputs, outputs, scalars, semantics, KernelSpec.NonFinite.REFUSE));
    }

    private static KernelSpec register(KernelSpec spec) {
        String name = spec.name();
        if (BY_NAME.put(name, spec) != null) {
            throw new IllegalStateException("kernel " + name + " declared twice");
        }
        return spec;
    }

    // ---- Cholesky and products
    public static final KernelSpec CHOL = solver("chol", 1, 1, 0,
            "L = chol(A): lower Cholesky factor of the symmetric positive definite tile A (its lower triangle is read), "
                    + "strictly upper part of L zero; fails if A is not positive definite");
    public static final KernelSpec TRSM_RLT = solver("trsm_rlt", 2, 1, 0,
            "X = B L^-T for lower triangular L = in[0] and B = in[1] (right side, lower, transposed): solves X L^T = B");
    public static final KernelSpec SYRK_UPDATE = solver("syrk_update", 3, 1, 0,
            "C - A B^T for C = in[0], A = in[1], B = in[2] (the trailing update of Cholesky; symmetric when A == B)");
    public static final KernelSpec GEMM = k("gemm", 2, 1, 0, "A B for A = in[0], B = in[1]");
    public static final KernelSpec GEMM_ACC = k("gemm_acc", 3, 1, 0, "C + A B for C = in[0], A = in[1], B = in[2]");
    public static final KernelSpec GEMM_SUM = k("gemm_sum", N, 1, 0,
            "sum over p of in[2p] in[2p+1] (pairs A_p, B_p; one dgemm per pair with beta = 1): a leaf of the GEMM reduction tree");
    public static final KernelSpec GEMM_TN_SUM = k("gemm_tn_sum", N, 1, 0,
            "sum over p of in[2p]^T in[2p+1]: a leaf of the Gram (X^T X) reduction tree");
    public static final KernelSpec SUM_N = k("sum_n", N, 1, 0, "sum of the input tiles (all the same shape); one input: a copy");
    public static final KernelSpec GEMM_SUB_NN = solver("gemm_sub_nn", 3, 1, 0, "C - A B for C = in[0], A = in[1], B = in[2]");
    public static final KernelSpec GEMM_SUB_TN = solver("gemm_sub_tn", 3, 1, 0, "C - A^T B for C = in[0], A = in[1], B = in[2]");
    public static final KernelSpec GEMM_SUB_NT = solver("gemm_sub_nt", 3, 1, 0, "C - A B^T for C = in[0], A = in[1], B = in[2]");

    // ---- triangular solves on one diagonal tile: trsm_<side l|r><uplo l|u><trans n|t>
    static {
        for (String side : List.of("l", "r")) {
            for (String uplo : List.of("l", "u")) {
                for (String trans : List.of("n", "t")) {
                    String name = "trsm_" + side + uplo + trans;
                    if (name.equals("trsm_rlt")) {
                        continue;
                    }
                    String tri = (uplo.equals("l") ? "lower" : "upper") + " triangular T = in[0] (only that triangle is read, non-unit diagonal)";
                    String opT = trans.equals("n") ? "T" : "T^T";
                    String eq = side.equals("l") ? "X = " + opT + "^-1 B, i.e. solves " + opT + " X = B" : "X = B " + opT + "^-1, i.e. solves X " + opT + " = B";
                    solver(name, 2, 1, 0, eq + ", for " + tri + " and B = in[1]");
                }
            }
        }
    }

    // ---- element-wise
    public static final KernelSpec TRANSPOSE = k("transpose", 1, 1, 0, "X^T for X = in[0]");
    static {
        k("map_neg", 1, 1, 0, "-x element-wise");
        k("map_abs", 1, 1, 0, "|x| element-wise");
        k("map_sqrt", 1, 1, 0, "sqrt(x) element-wise (NaN for x < 0)");
        k("map_exp", 1, 1, 0, "exp(x) element-wise");
        k("map_log", 1, 1, 0, "natural log of x element-wise");
        k("map_square", 1, 1, 0, "x * x element-wise");
        k("map_scale", 1, 1, 1, "alpha * x element-wise, alpha = scalar[0]");
        k("map_shift", 1, 1, 1, "x + alpha element-wise, alpha = scalar[0]");
        k("zip_add", 2, 1, 0, "x + y element-wise, x = in[0], y = in[1] (same shape)");
        k("zip_sub", 2, 1, 0, "x - y element-wise");
        k("zip_mul", 2, 1, 0, "x * y element-wise");
        k("zip_div", 2, 1, 0, "x / y element-wise");
        k("zip_min", 2, 1, 0, "min(x, y) element-wise");
        k("zip_max", 2, 1, 0, "max(x, y) element-wise");
        k("zip_axpby", 2, 1, 2, "alpha * x + beta * y element-wise, alpha = scalar[0], beta = scalar[1]");
    }

    // ---- row and column reductions: leaves read a group of tiles of one tile row (column)
    static {
        for (String axis : List.of("row", "col")) {
            String along = axis.equals("row") ? "each row over all columns of" : "each column over all rows of";
            String shape = axis.equals("row") ? "an r x 1 tile (r rows of the inputs)" : "a 1 x c tile (c columns of the inputs)";
            String pairShape = axis.equals("row") ? "an r x 2 tile, column 0 the value, column 1 the global column index"
                    : "a 2 x c tile, row 0 the value, row 1 the global row index";
            k(axis + "_sum", N, 1, 0, "sum of " + along + " the input tiles: " + shape);
            k(axis + "_norm2", N, 1, 0, "2-norm of " + along + " the input tiles: " + shape);
            k(axis + "_min", N, 1, 0, "minimum of " + along + " the input tiles: " + shape);
            k(axis + "_max", N, 1, 0, "maximum of " + along + " the input tiles: " + shape);
            String index = "the global index of input p's element e is (scalar[0] + p) * scalar[1] + e (scalar[0]: tile index of in[0], "
                    + "scalar[1]: full tile width), ties go to the smaller index";
            k(axis + "_argmin", N, 1, 2, "minimum and its index of " + along + " the input tiles: " + pairShape + "; " + index);
            k(axis + "_argmax", N, 1, 2, "maximum and its index of " + along + " the input tiles: " + pairShape + "; " + index);
        }
        k("norm2_n", N, 1, 0, "sqrt of the sum of squares of the input tiles element-wise (combines partial 2-norms)");
        k("min_n", N, 1, 0, "minimum of the input tiles element-wise");
        k("max_n", N, 1, 0, "maximum of the input tiles element-wise");
        String pairs = "inputs are (value, index) pair tiles: r x 2 (scalar[0] = 0, pairs in columns) or 2 x c (scalar[0] = 1, pairs in rows); "
                + "ties go to the smaller index";
        k("argmin_n", N, 1, 1, "element-wise pair with the smallest value; " + pairs);
        k("argmax_n", N, 1, 1, "element-wise pair with the largest value; " + pairs);
    }

    // ---- QR
    public static final KernelSpec QR_R = solver("qr_r", N, 1, 0,
            "R factor of the input tiles stacked vertically (all with the same n columns): the n x n upper triangular R "
                    + "with non-negative diagonal of a Householder QR, rows below min(total rows, n) zero; R^T R = sum of in[p]^T in[p]. "
                    + "Leaf and combine of the TSQR tree");

    // ---- expression planning: fused element-wise programs, arg-reduction indices, diagonals
    public static final KernelSpec EW = k("ew", N, 1, KernelSpec.VARIADIC,
            "element-wise program over the inputs, scalars = EwProgram.encode() (a postfix stack program: "
                    + "1 i = push in[i], 2 c = push c, 10+u = unary NEG ABS SQRT EXP LOG SQUARE, 30+b = binary ADD SUB MUL DIV MIN MAX EQ NE LT LE GT GE MASK MASK_NOT); "
                    + "the output has the largest input shape; an input with one row (column) is broadcast down the rows (across the columns)");
    public static final KernelSpec PAIR_INDEX = k("pair_index", 1, 1, 1,
            "the index part of an arg-reduction pair tile: column 1 of an r x 2 tile (scalar[0] = 0) as r x 1, "
                    + "or row 1 of a 2 x c tile (scalar[0] = 1) as 1 x c");
    public static final KernelSpec DIAG = k("diag", 1, 1, 0, "the diagonal of a square tile as an n x 1 tile");
    public static final KernelSpec TAKE = k("take", 1, 1, 2,
            "the top-left scalar[0] x scalar[1] block of the input tile (at most its own size)");
    public static final KernelSpec RETILE = k("retile", N, 1, 3,
            "re-tiling: the inputs are consecutive tiles of one tile column stacked top to bottom (scalar[0] = 0; all the same "
                    + "width) or of one tile row side by side (scalar[0] = 1; all the same height); out = the scalar[2] rows (columns) "
                    + "of the stack starting at stack row (column) scalar[1], which may be negative or run past the stack: those "
                    + "rows (columns) are zero; all columns (rows) kept. A leaf of the sum that assembles one output tile");
    // Householder representation (LAPACK dgeqrt convention): Q = H_1 ... H_K = I - V T V^T with
    // H_j = I - tau_j v_j v_j^T, v_j[j] = 1, v_j[i < j] = 0, tau_j = 0 when column j is already
    // triangular, else beta = -sign(alpha) ||(alpha, x)||, tau = (beta - alpha) / beta,
    // v = x / (alpha - beta). An H tile packs V (m x K, unit diagonal and zeros stored) over
    // T (K x K upper triangular): (m + K) x K, so m = rows - cols.
    private static final String HOUSEHOLDER = "H = (m + K) x K tile, V (m x K) over T (K x K), Q = I - V T V^T in the dgeqrt convention "
            + "(K = min(m, n); diagonal of R may be negative)";
    public static final KernelSpec QR_FACTOR = solver("qr_factor", 1, 2, 0,
            "Householder QR of the m x n tile A = in[0]: out[0] = Q^T A (m x n, upper trapezoidal, exact zeros below the diagonal), "
                    + "out[1] = " + HOUSEHOLDER);
    public static final KernelSpec QR_LEAF_QT = solver("qr_leaf_qt", 2, 1, 0,
            "Q^T C for the Q of H = in[0] (from qr_factor) and C = in[1] with m rows: C - V T^T V^T C");
    public static final KernelSpec QR_LEAF_Q = solver("qr_leaf_q", 2, 1, 0,
            "Q C for the Q of H = in[0] and C = in[1] with m rows: C - V T V^T C");
    public static final KernelSpec QR_PAIR_FACTOR = solver("qr_pair_factor", 2, 2, 0,
            "Householder QR (as qr_factor) of the stacked [top; bottom] = [in[0]; in[1]] (same n columns, h1 + h2 rows; in TSQR/CAQR "
                    + "both upper trapezoidal with zeros below): out[0] = the first h1 rows of Q^T [top; bottom] (R; the h2 rows below are "
                    + "zero and not returned, which needs min(h1 + h2, n) <= h1), out[1] = H (m = h1 + h2): a node of the TSQR tree");
    public static final KernelSpec QR_PAIR_QT = solver("qr_pair_qt", 3, 2, 0,
            "Q^T [top; bottom] for the Q of H = in[0] (from qr_pair_factor), top = in[1] (h1 rows), bottom = in[2] (h2 rows), "
                    + "h1 + h2 = m: out[0] = its first h1 rows, out[1] = the last h2 rows");
    public static final KernelSpec QR_PAIR_Q = solver("qr_pair_q", 3, 2, 0,
            "Q [top; bottom] for the Q of H = in[0], top = in[1], bottom = in[2]: out[0] = its first h1 rows, out[1] = the last h2 rows");
    public static final KernelSpec LQ_FACTOR = solver("lq_factor", 1, 2, 0,
            "LQ by the QR of the transpose: for A = in[0] (m x n) and (Q^T A^T, H) = qr_factor(A^T): out[0] = (Q^T A^T)^T = A Q "
                    + "(lower trapezoidal), out[1] = H (of n reflector rows)");
    public static final KernelSpec LQ_LEAF_APPLY = solver("lq_leaf_apply", 2, 1, 0,
            "C Q for the Q of H = in[0] (from lq_factor) and C = in[1] with n columns: (qr_leaf_qt(H, C^T))^T");
    public static final KernelSpec LQ_PAIR_FACTOR = solver("lq_pair_factor", 2, 2, 0,
            "LQ of the side-by-side [left right] = [in[0] in[1]]: with (R, H) = qr_pair_factor(left^T, right^T): out[0] = R^T "
                    + "(the left w1 columns of [left right] Q; the right ones are zero), out[1] = H");
    public static final KernelSpec LQ_PAIR_APPLY = solver("lq_pair_apply", 3, 2, 0,
            "[left right] Q for the Q of H = in[0] (from lq_pair_factor), left = in[1], right = in[2]: the transposes of "
                    + "qr_pair_qt(H, left^T, right^T): out[0] = the left columns, out[1] = the right ones");

    // ---- LU with tournament pivoting (CALU). A candidate tile has one row per candidate pivot row:
    // column 0 = its tile row index, column 1 = its row within that tile, columns 2.. = its original values.
    private static final String CANDIDATES = "a candidate tile (c x (2 + n): tile row index, row within the tile, then the n original "
            + "values of each selected row, in pivot order)";
    private static final String GEPP = "rows chosen by Gaussian elimination with partial pivoting on the value columns: at step r the "
            + "remaining row with the largest |value| in column r after elimination (ties: the first), c = min(rows, n) steps";
    private static final String EXCHANGE = "the panel interchange of the pivot tile P: with S = its rows (tile, row) in order, c = rows(P), "
            + "D = rows r < c of tile k not in S (ascending), V = members of S outside rows 0..c-1 of tile k (ascending by tile, then row): "
            + "row r < c of tile k becomes S_r, row V_t becomes D_t (the old row r = D_t of tile k), every other row stays";
    public static final KernelSpec LU_CAND = solver("lu_cand", N, 1, 1,
            "tournament leaf: the input tiles (tile rows scalar[0], scalar[0] + 1, ... of one tile column, n columns) stacked; out = "
                    + CANDIDATES + ", " + GEPP);
    public static final KernelSpec LU_CAND_MERGE = solver("lu_cand_merge", N, 1, 0,
            "tournament node: the candidate tiles stacked; out = the candidate tile of the " + GEPP);
    public static final KernelSpec LU_DIAG = solver("lu_diag", 2, 2, 1,
            "diagonal block of panel k = scalar[0]: P = in[0] (the root candidate tile, c rows), X = in[1] (tile (k, k), h x n); "
                    + "E = X after " + EXCHANGE + "; out[0] = L (h x c: unit lower triangular on top, diagonal stored as 1), "
                    + "out[1] = U (c x n upper trapezoidal) with L U = E, no further pivoting; fails if a pivot U[r][r] is zero (singular)");
    public static final KernelSpec LU_PICK = solver("lu_pick", N, 1, 1,
            "in[0] = P (c candidate rows), in[1..] = tiles of tile rows scalar[0], scalar[0] + 1, ... of one tile column: out = c x w tile "
                    + "whose row r is row S_r.row of the input of tile row S_r.tile if it is among the inputs, zero otherwise (a leaf of the "
                    + "sum that gathers the pivot rows of a column)");
    public static final KernelSpec LU_L = solver("lu_l", 4, 1, 2,
            "L tile below the diagonal: P = in[0], X_kk = in[1], X_ik = in[2], U_kk = in[3], k = scalar[0], i = scalar[1] > k: "
                    + "E = X_ik after " + EXCHANGE + " (tile i's rows V_t take rows D_t of X_kk); out = E U_kk^-1 (U_kk square upper triangular)");
    public static final KernelSpec LU_UPDATE = solver("lu_update", 5, 1, 2,
            "trailing update: P = in[0], X_kj = in[1], X_ij = in[2], L_ik = in[3], U_kj = in[4], k = scalar[0], i = scalar[1] > k: "
                    + "E - L_ik U_kj with E = X_ij after the panel interchange (as lu_l)");

    public static final KernelSpec MAP_SCALE = byName("map_scale");
    public static final KernelSpec ZIP_ADD = byName("zip_add");

    public static Map<String, KernelSpec> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    /** Names of all kernels, in catalogue order. */
    public static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
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
