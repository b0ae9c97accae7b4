package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import org.wren4j.planner.expr.Lu;
import org.wren4j.planner.expr.LuPermute;
import org.wren4j.planner.expr.MatrixExpr;

/**
 * {@code P A = L U} for a square A, from LU with tournament pivoting (CALU): all three are
 * lazy handles. {@code l} is unit lower triangular (ones on the diagonal) with every
 * interchange applied, {@code u} upper triangular, and {@code permutation} the {@code n x 1}
 * column whose entry r is the row of A that is row r of {@code P A} (so
 * {@code (P A)[r, :] = A[permutation[r], :]}). Computing any of them ({@link #compute()},
 * {@link #rows()}, or a part's own {@code compute()}, {@code toArray()}, ...) runs ONE job that
 * factors A once and stores all three, so the other parts are computed too. An expression
 * built from the parts before they are computed (e.g. {@code l().matmul(u())}) also factors A
 * once within its own job; {@link BlockMatrix#solve} needs none of them and runs as one job.
 */
public record LuFactors(BlockMatrix l, BlockMatrix u, BlockMatrix permutation) {
    public LuFactors {
        requireNonNull(l, "l is null");
        requireNonNull(u, "u is null");
        requireNonNull(permutation, "permutation is null");
    }

    /** The three parts of {@code a}'s LU, computed together when any of them is. */
    static LuFactors of(Wren wren, MatrixExpr a) {
        var job = new ComputedTogether(wren, "lu of a " + a.shape() + " matrix");
        BlockMatrix l = new BlockMatrix(wren, new Lu(a, Lu.Part.L), job);
        BlockMatrix u = new BlockMatrix(wren, new Lu(a, Lu.Part.U), job);
        // P applied to the row indices 0..n-1: a column of n values, stored now (cheap beside A)
        int n = Math.toIntExact(a.shape().rows());
        double[][] index = new double[n][1];
        for (int r = 0; r < n; r++) {
            index[r][0] = r;
        }
        BlockMatrix rows = wren.fromArray(index, a.blockSize());
        BlockMatrix p = new BlockMatrix(wren, new LuPermute(a, rows.current()), job);
        job.members(l, u, p);
        return new LuFactors(l, u, p);
    }

    /**
     * Computes L, U and the permutation in one job (if not yet computed).
     *
     * @return these factors, now computed
     * @throws WrenException if the job fails, e.g. "singular" for a matrix with an exactly zero pivot
     */
    public LuFactors compute() {
        l.compute();
        return this;
    }

    /** The permutation as row indices (computing all three parts if needed): {@code (P A)[r, :] = A[rows[r], :]}. */
    public int[] rows() {
        double[] p = permutation.toColumn();
        int[] out = new int[p.length];
        for (int r = 0; r < p.length; r++) {
            out[r] = (int) p[r];
        }
        return out;
    }
}
