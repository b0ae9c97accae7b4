package org.wren4j.interop.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Widening to float64 with correct rounding. */
final class Numbers {
    private static final double[] POW10 = new double[23];
    private static final long EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Numbers() {
    }

    /** {@code unscaled * 10^-scale}, correctly rounded. */
    static double decimal(long unscaled, int scale) {
        // Both operands exact doubles: IEEE division rounds the true quotient correctly.
        if (scale >= 0 && scale < POW10.length && unscaled > -EXACT && unscaled < EXACT) {
            return unscaled / POW10[scale];
        }
        return new BigDecimal(BigInteger.valueOf(unscaled), scale).doubleValue();
    }

    /** A big-endian two's-complement unscaled value, as Parquet stores binary decimals. */
    static double decimal(byte[] bigEndian, int scale) {
        return new BigDecimal(new BigInteger(bigEndian), scale).doubleValue();
    }

    static double unsigned(long v) {
        if (v >= 0) {
            return v;
        }
        // Halve (keeping the low bit as a sticky bit so rounding stays correct), convert, double.
        return ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    /** IEEE 754 binary16 to float (exact). */
    static float half(short bits) {
        int sign = (bits >>> 15) & 1;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        float v;
        if (exp == 0) {
            v = mant * 0x1p-24f;
        } else if (exp == 31) {
            v = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            v = Float.intBitsToFloat(((exp - 15 + 127) << 23) | (mant << 13));
        }
        return sign == 0 ? v : -v;
    }
}
