package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * numpy's {@code eigh(a)} result for a symmetric {@code n x n} A: {@link #eigenvalues()}
 * ascending and the orthonormal {@link #eigenvectors()} as columns, with
 * {@code A = V diag(w) V^T}. Each eigenvector's sign is fixed so that its entry of largest
 * magnitude is positive (numpy leaves the sign to LAPACK).
 */
public final class EighResult {
    private final double[] eigenvalues;
    private final BlockMatrix eigenvectors;

    /** @throws IllegalArgumentException if the eigenvectors are not {@code n x n} for n eigenvalues */
    public EighResult(double[] eigenvalues, BlockMatrix eigenvectors) {
        this.eigenvalues = requireNonNull(eigenvalues, "eigenvalues is null").clone();
        this.eigenvectors = requireNonNull(eigenvectors, "eigenvectors is null");
        if (eigenvectors.rows() != eigenvalues.length || eigenvectors.cols() != eigenvalues.length) {
            throw new IllegalArgumentException("eigh: " + eigenvalues.length + " eigenvalues need " + eigenvalues.length + "x"
                    + eigenvalues.length + " eigenvectors, got " + eigenvectors.rows() + "x" + eigenvectors.cols());
        }
    }

    /** The eigenvalues, ascending (a copy). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** The eigenvectors as columns: column i belongs to {@code eigenvalues()[i]}. */
    public BlockMatrix eigenvectors() {
        return eigenvectors;
    }

    @Override
    public String toString() {
        return "EighResult[eigenvalues " + Arrays.toString(eigenvalues) + ", eigenvectors " + eigenvectors.rows() + "x"
                + eigenvectors.cols() + "]";
    }
}
