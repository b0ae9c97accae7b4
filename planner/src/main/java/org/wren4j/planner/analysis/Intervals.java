package org.wren4j.planner.analysis;

/**
 * Interval evaluation of an index expression when some slots are not bound yet: a bound slot
 * is its value in {@code env}, an unbound slot the range in {@code ranges} (or unknown). The
 * answer contains every value the expression can take; it may be wider.
 */
final class Intervals {
    private Intervals() {
    }

    static final long INF = Long.MAX_VALUE / 4;
    private static final long[] ALL = {-INF, INF};

    static long[] of(Ix e, long[] env, long bound, long[][] ranges) {
        if (e instanceof Ix.Const c) {
            return new long[] {c.value(), c.value()};
        }
        if ((e.slots() & ~bound) == 0) {
            long v = e.eval(env);
            return new long[] {v, v};
        }
        if (e instanceof Ix.Slot s) {
            long[] r = ranges == null ? null : ranges[s.slot()];
            return r == null ? ALL : r;
        }
        if (e instanceof Ix.Un u) {
            long[] a = of(u.a(), env, bound, ranges);
            return switch (u.op()) {
                case NEG -> new long[] {sat(-a[1]), sat(-a[0])};
                case NOT -> new long[] {0, 1};
                case LOG2_FLOOR -> a[0] >= 1 ? new long[] {Ix.log2Floor(a[0]), Ix.log2Floor(a[1])} : new long[] {0, 63};
                case LOG2_CEIL -> a[0] >= 1 ? new long[] {Ix.log2Ceil(a[0]), Ix.log2Ceil(a[1])} : new long[] {0, 64};
            };
        }
        if (e instanceof Ix.Cmp) {
            return new long[] {0, 1};
        }
        var b = (Ix.Bin) e;
        long[] x = of(b.a(), env, bound, ranges);
        long[] y = of(b.b(), env, bound, ranges);
        return switch (b.op()) {
            case ADD -> new long[] {sat(x[0] + y[0]), sat(x[1] + y[1])};
            case SUB -> new long[] {sat(x[0] - y[1]), sat(x[1] - y[0])};
            case MUL -> mul(x, y);
            case MIN -> new long[] {Math.min(x[0], y[0]), Math.min(x[1], y[1])};
            case MAX -> new long[] {Math.max(x[0], y[0]), Math.max(x[1], y[1])};
            case FLOOR_DIV -> y[0] == y[1] && y[0] > 0 ? new long[] {Math.floorDiv(x[0], y[0]), Math.floorDiv(x[1], y[0])} : ALL;
            case CEIL_DIV -> y[0] == y[1] && y[0] > 0 ? new long[] {-Math.floorDiv(-x[0], y[0]), -Math.floorDiv(-x[1], y[0])} : ALL;
            case MOD -> y[0] == y[1] && y[0] > 0 ? new long[] {0, y[0] - 1} : ALL;
            case POW -> x[0] == x[1] && x[0] >= 1 && y[0] >= 0 && y[1] < 62 ? new long[] {powSat(x[0], y[0]), powSat(x[0], y[1])} : ALL;
            case AND, OR -> new long[] {0, 1};
        };
    }

    private static long[] mul(long[] x, long[] y) {
        if (Math.abs(x[0]) >= INF || Math.abs(x[1]) >= INF || Math.abs(y[0]) >= INF || Math.abs(y[1]) >= INF) {
            if (x[0] == x[1] && x[0] == 0 || y[0] == y[1] && y[0] == 0) {
                return new long[] {0, 0};
            }
            return ALL;
        }
        long a = sat(mulSat(x[0], y[0]));
        long b = sat(mulSat(x[0], y[1]));
        long c = sat(mulSat(x[1], y[0]));
        long d = sat(mulSat(x[1], y[1]));
        return new long[] {Math.min(Math.min(a, b), Math.min(c, d)), Math.max(Math.max(a, b), Math.max(c, d))};
    }

    private static long mulSat(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        return (a < 0) == (b < 0) ? INF : -INF;
    }

    private static long powSat(long base, long exp) {
        long r = 1;
        for (long i = 0; i < exp; i++) {
            if (r > INF / base) {
                return INF;
            }
            r *= base;
        }
        return r;
    }

    static long sat(long v) {
        return Math.max(-INF, Math.min(INF, v));
    }
}
