package org.wren4j.api;

/**
 * numpy's {@code slogdet}: {@code det = sign * exp(logAbsDet)}, without the overflow or underflow
 * of the determinant itself. A singular matrix has sign 0 and logAbsDet {@code -Infinity}.
 *
 * @param sign 1, -1, or 0 for a singular matrix
 * @param logAbsDet the natural logarithm of {@code |det|}
 */
public record SlogDet(double sign, double logAbsDet) {
    public SlogDet {
        if (sign != 1 && sign != -1 && sign != 0) {
            throw new IllegalArgumentException("sign must be 1, -1 or 0, got " + sign);
        }
        if (Double.isNaN(logAbsDet) || logAbsDet == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("logAbsDet must be finite or -Infinity, got " + logAbsDet);
        }
        if ((sign == 0) != (logAbsDet == Double.NEGATIVE_INFINITY)) {
            throw new IllegalArgumentException("sign 0 goes with logAbsDet -Infinity and only with it, got sign " + sign
                    + " and logAbsDet " + logAbsDet);
        }
    }

    /** {@code sign * exp(logAbsDet)}: the determinant, which may overflow to an infinity or underflow to 0. */
    public double det() {
        return sign * Math.exp(logAbsDet);
    }
}
