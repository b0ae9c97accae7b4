package org.wren4j.api;

/**
 * A factorization or solve met a matrix that is not positive definite (Cholesky, SPD solves) or is
 * singular (LU, triangular solves): the input's fault, so retrying cannot help. Regularise it, or
 * use {@link BlockMatrix#lstsq} for a rank-deficient system.
 */
public final class SingularMatrixException extends WrenException {
    public SingularMatrixException(String message, String detail, Throwable cause) {
        super(message, detail, cause);
    }
}
