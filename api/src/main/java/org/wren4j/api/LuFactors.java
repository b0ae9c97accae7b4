package org.wren4j.api;

import static java.util.Objects.requireNonNull;

/**
 * {@code P A = L U} for a square A, from LU with tournament pivoting (CALU): all three are
 * lazy handles. {@code l} is unit lower triangular (ones on the diagonal) with every
 * interchange applied, {@code u} upper triangular, and {@code permutation} the {@code n x 1}
 * column whose entry r is the row of A that is row r of {@code P A} (so
 * {@code (P A)[r, :] = A[permutation[r], :]}). Each factor computed on its own runs its own
 * job, which factors A again; {@link BlockMatrix#solve} needs none of them and runs as one job.
 */
public record LuFactors(BlockMatrix l, BlockMatrix u, BlockMatrix permutation) {
    public LuFactors {
        requireNonNull(l, "l is null");
        requireNonNull(u, "u is null");
        requireNonNull(permutation, "permutation is null");
    }

    /** The permutation as row indices (computing it if needed): {@code (P A)[r, :] = A[rows[r], :]}. */
    public int[] rows() {
        double[] p = permutation.toColumn();
        int[] out = new int[p.length];
        for (int r = 0; r < p.length; r++) {
            out[r] = (int) p[r];
        }
        return out;
    }
}
