package org.wren4j.planner.analysis;

/**
 * Solves {@code lo <= e(x) <= hi} for one unknown slot {@code x}, every other slot of {@code e}
 * bound in {@code env}. The answer is an interval of candidates that contains every solution;
 * the caller verifies candidates exactly, so the interval may be wider than the solution set
 * (e.g. divisibility is left to verification). Returns {@code null} when {@code e} cannot be
 * inverted (the caller then enumerates the loop range). Slots not in {@code bound} (inner
 * loops or the gather slot, bound later) stand for their range in {@code ranges}: an affine
 * term such as {@code g * F + t} with {@code t in [0, F)} still determines {@code g}.
 */
final class Inverter {
    private Inverter() {
    }

    static final long[] EMPTY = {1, 0};

    static long[] invert(Ix e, int slot, long lo, long hi, long[] env) {
        return invert(e, slot, lo, hi, env, -1L, null);
    }

    static long[] invert(Ix e, int slot, long lo, long hi, long[] env, long bound, long[][] ranges) {
        if (lo > hi) {
            return EMPTY;
        }
        if (e instanceof Ix.Slot s) {
            return s.slot() == slot ? new long[] {lo, hi} : null;
        }
        if (e instanceof Ix.Un u) {
            return switch (u.op()) {
                case NEG -> invert(u.a(), slot, -hi, -lo, env, bound, ranges);
                case LOG2_FLOOR -> {
                    long l = Math.max(lo, 0);
                    if (hi < l) {
                        yield EMPTY;
                    }
                    yield invert(u.a(), slot, pow2(l), hi >= 62 ? Long.MAX_VALUE : pow2(hi + 1) - 1, env, bound, ranges);
                }
                case LOG2_CEIL -> {
                    long l = Math.max(lo, 0);
                    if (hi < l) {
                        yield EMPTY;
                    }
                    yield invert(u.a(), slot, l == 0 ? 1 : pow2(l - 1) + 1, hi >= 62 ? Long.MAX_VALUE : pow2(hi), env, bound, ranges);
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
            long[] kr = Intervals.of(known, env, bound, ranges);
            if (kr[0] != kr[1] && b.op() != org.wren4j.planner.lambdapack.BinOp.Op.ADD && b.op() != org.wren4j.planner.lambdapack.BinOp.Op.SUB) {
                return null;
            }
            long k = kr[0];
            return switch (b.op()) {
                case ADD -> invert(unknown, slot, sat(lo - kr[1]), sat(hi - kr[0]), env, bound, ranges);
                case SUB -> inA
                        ? invert(unknown, slot, sat(lo + kr[0]), sat(hi + kr[1]), env, bound, ranges)
                        : invert(unknown, slot, sat(kr[0] - hi), sat(kr[1] - lo), env, bound, ranges);
                case MUL -> {
                    if (k == 0) {
                        yield null;
                    }
                    yield k > 0
                            ? invert(unknown, slot, ceilDiv(lo, k), Math.floorDiv(hi, k), env, bound, ranges)
                            : invert(unknown, slot, ceilDiv(hi, k), Math.floorDiv(lo, k), env, bound, ranges);
                }
                case FLOOR_DIV -> {
                    if (!inA || k <= 0) {
                        yield null;
                    }
                    yield invert(unknown, slot, sat(lo * k), sat(hi * k + k - 1), env, bound, ranges);
                }
                case CEIL_DIV -> {
                    if (!inA || k <= 0) {
                        yield null;
                    }
                    yield invert(unknown, slot, sat((lo - 1) * k + 1), sat(hi * k), env, bound, ranges);
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
                    yield invert(unknown, slot, xlo, xhi, env, bound, ranges);
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
