package org.wren4j.api;

/**
 * The order of a matrix norm, numpy's {@code ord} argument of {@code numpy.linalg.norm} for a
 * 2-D array: {@link BlockMatrix#norm(Ord)}.
 */
public enum Ord {
    /** {@code ord=1}: the largest column sum of absolute values. */
    ONE,
    /** {@code ord=-1}: the smallest column sum of absolute values. */
    NEG_ONE,
    /** {@code ord=inf}: the largest row sum of absolute values. */
    INF,
    /** {@code ord=-inf}: the smallest row sum of absolute values. */
    NEG_INF,
    /** {@code ord='fro'}: the square root of the sum of squares (the default of {@link BlockMatrix#norm()}). */
    FRO,
    /** {@code ord=2}: the largest singular value (the spectral norm). */
    TWO,
    /** {@code ord=-2}: the smallest singular value. */
    NEG_TWO,
    /** {@code ord='nuc'}: the sum of the singular values (the nuclear or trace norm). */
    NUC
}
