package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * The k largest singular triplets of an {@code m x n} A, numpy's {@code svd(a, full_matrices=False)}
 * cut to k: {@code u} is {@code m x k} with orthonormal columns, {@link #s()} the k singular
 * values descending, {@code vt} is {@code k x n} with orthonormal rows, and
 * {@code u diag(s) vt} is the best rank-k approximation of A. Each triplet's sign is fixed: the
 * entry of largest magnitude of its vector along the smaller dimension (the row of vt for a
 * square or tall A, the column of u for a wide one) is positive, so {@code svd} of
 * {@code A^T} gives the transposed factors with the same signs. The factor along the larger
 * dimension is a lazy handle (computed when first read), the other one is stored.
 */
public final class SvdFactors {
    private final BlockMatrix u;
    private final double[] s;
    private final BlockMatrix vt;

    /**
     * @throws IllegalArgumentException if u's columns, the length of s and vt's rows differ
     */
    public SvdFactors(BlockMatrix u, double[] s, BlockMatrix vt) {
        this.u = requireNonNull(u, "u is null");
        this.s = requireNonNull(s, "s is null").clone();
        this.vt = requireNonNull(vt, "vt is null");
        if (u.cols() != s.length || vt.rows() != s.length) {
            throw new IllegalArgumentException("svd factors: u is " + u.rows() + "x" + u.cols() + ", s has " + s.length
                    + " values and vt is " + vt.rows() + "x" + vt.cols() + "; u's columns, s and vt's rows must agree");
        }
    }

    /** The {@code m x k} left singular vectors, as columns. */
    public BlockMatrix u() {
        return u;
    }

    /** The k singular values, descending (a copy). */
    public double[] s() {
        return s.clone();
    }

    /** The {@code k x n} right singular vectors, as rows. */
    public BlockMatrix vt() {
        return vt;
    }

    /** The number of triplets, k. */
    public int k() {
        return s.length;
    }

    /** The factors of {@code A^T}: {@code (vt^T, s, u^T)}. */
    SvdFactors transposed() {
        return new SvdFactors(vt.T(), s, u.T());
    }

    @Override
    public String toString() {
        return "SvdFactors[u " + u.rows() + "x" + u.cols() + ", s " + Arrays.toString(s) + ", vt " + vt.rows() + "x" + vt.cols() + "]";
    }
}
