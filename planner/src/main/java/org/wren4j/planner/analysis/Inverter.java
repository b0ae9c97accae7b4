package org.wren4j.planner.analysis;

/**
 * Solves {@code lo <= e(x) <= hi} for one unknown slot {@code x}, every other slot of {@code e}
 * bound in {@code env}. The answer is an interval of candidates that contains every solution;
 * the caller verifies candidates exactly, so the interval may be wider than the solution set
 * (e.g. divisibility is left to verification). Returns {@code null} when {@code e} cannot be
 * inverted (the caller then enumerates the loop range).
 */
final class Inverter {
    private Inverter() {
    }

    static final long[] EMPTY = {1, 0};

    static long[] invert(Ix e, int slot, long lo, long hi, long[] env) {
        if (lo > hi) {
            return EMPTY;
        }
        if (e instanceof Ix.Slot s) {
            return s.slot() == slot ? new long[] {lo, hi} : null;
        }
        if (e instanceof Ix.Un u) {
            return switch (u.op()) {
                case NEG -> invert(u.a(), slot, -hi, -lo, env);
                case LOG2_FLOOR -> {
                    long l = Math.max(lo, 0);
                    if (hi < l) {
                        yield EMPTY;
                    }
                    yield invert(u.a(), slot, pow2(l), hi >= 62 ? Long.MAX_VALUE : pow2(hi + 1) - 1, env);
                }
                case LOG2_CEIL -> {
                    long l = Math.max(lo, 0);
                    if (hi < l) {
                        yield EMPTY;
                    }
                    yield invert(u.a(), slot, l == 0 ? 1 : pow2(l - 1) + 1, hi >= 62 ? Long.MAX_VALUE : pow2(hi), env);
                }
                case NOT -> null;
            };
        }
        if (e instanceof Ix.Bin b) {
            boolean inA = b.a().uses(slot);
            boolean inB = b.b().uses(slot);
            if (inA && inB) {
                return null;
            }
            Ix known = inA ? b.b() : b.a();
            Ix unknown = inA ? b.a() : b.b();
            long k = known.eval(env);
            return switch (b.op()) {
                case ADD -> invert(unknown, slot, sat(lo - k), sat(hi - k), env);
                case SUB -> inA
                        ? invert(unknown, slot, sat(lo + k), sat(hi + k), env)
                        : invert(unknown, slot, sat(k - hi), sat(k - lo), env);
                case MUL -> {
                    if (k == 0) {
                        yield null;
                    }
                    yield k > 0
                            ? invert(unknown, slot, ceilDiv(lo, k), Math.floorDiv(hi, k), env)
                            : invert(unknown, slot, ceilDiv(hi, k), Math.floorDiv(lo, k), env);
                }
                case FLOOR_DIV -> {
                    if (!inA || k <= 0) {
                        yield null;
                    }
                    yield invert(unknown, slot, sat(lo * k), sat(hi * k + k - 1), env);
                }
                case CEIL_DIV -> {
                    if (!inA || k <= 0) {
                        yield null;
                    }
                    yield invert(unknown, slot, sat((lo - 1) * k + 1), sat(hi * k), env);
                }
                case POW -> {
                    if (inA || k < 2) {
                        yield null;
                    }
                    // k**x in [lo, hi]
                    if (hi < 1) {
                        yield EMPTY;
                    }
                    long xlo = 0;
                    long p = 1;
                    while (p < lo && p <= Long.MAX_VALUE / k) {
                        p *= k;
                        xlo++;
                    }
                    if (p < lo) {
                        yield EMPTY;
                    }
                    long xhi = xlo;
                    long q = p;
                    if (q > hi) {
                        yield EMPTY;
                    }
                    while (q <= hi / k) {
                        q *= k;
                        xhi++;
                    }
                    yield invert(unknown, slot, xlo, xhi, env);
                }
                case MOD, MIN, MAX, AND, OR -> null;
            };
        }
        return null;
    }

    private static long pow2(long e) {
        return e >= 62 ? Long.MAX_VALUE / 2 : 1L << e;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** Clamps huge intermediate values so that interval arithmetic cannot wrap around. */
    private static long sat(long v) {
        return Math.max(Long.MIN_VALUE / 4, Math.min(Long.MAX_VALUE / 4, v));
    }
}
