package org.wren4j.planner.analysis;

import java.util.List;

/**
 * Finds the iterations of a statement whose tile reference equals a concrete tile. Loops are
 * bound outermost first; a loop variable is taken from an index equation whose other
 * variables are already bound, by inverting it ({@link Inverter}); only a variable that no
 * such equation determines is enumerated over its (bounded) loop range. Every candidate is
 * verified exactly, so the answer is exact for any index expression.
 */
final class Solver {
    private Solver() {
    }

    /** Receives each solution (loop values); returns false to stop the search. */
    interface Sink {
        boolean accept(long[] env);
    }

    static void solve(CompiledStatement s, CompiledStatement.CompiledRef ref, long[] target, Sink sink) {
        Ix[] eqs = ref.indices();
        if (eqs.length != target.length) {
            return;
        }
        for (int d = 0; d < eqs.length; d++) {
            if (eqs[d].slots() == 0 && eqs[d].eval(null) != target[d]) {
                return;
            }
        }
        walk(s.scopes(), 0, eqs, target, 0L, new long[s.depth()], sink);
    }

    private static boolean walk(List<CompiledStatement.Scope> scopes, int at, Ix[] eqs, long[] target, long bound, long[] env, Sink sink) {
        if (at == scopes.size()) {
            return sink.accept(env.clone());
        }
        CompiledStatement.Scope scope = scopes.get(at);
        if (scope instanceof CompiledStatement.Guard g) {
            return g.condition().eval(env) == 0 || walk(scopes, at + 1, eqs, target, bound, env, sink);
        }
        var loop = (CompiledStatement.Loop) scope;
        int slot = loop.slot();
        long from = loop.from().eval(env);
        long to = loop.to().eval(env);
        long step = loop.step().eval(env);
        long lo = from;
        long hi = to - 1;
        long nowBound = bound | (1L << slot);
        long checkMask = 0; // equations that become fully bound at this loop
        for (int d = 0; d < eqs.length && lo <= hi; d++) {
            long used = eqs[d].slots();
            if ((used & (1L << slot)) == 0 || (used & ~nowBound) != 0) {
                continue;
            }
            checkMask |= 1L << d;
            long[] iv = Inverter.invert(eqs[d], slot, target[d], target[d], env);
            if (iv != null) {
                lo = Math.max(lo, iv[0]);
                hi = Math.min(hi, iv[1]);
            }
        }
        if (lo > hi || step <= 0) {
            return true;
        }
        long start = from + (-Math.floorDiv(-(lo - from), step)) * step;
        for (long v = start; v <= hi; v += step) {
            env[slot] = v;
            if (matches(eqs, target, env, checkMask) && !walk(scopes, at + 1, eqs, target, nowBound, env, sink)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Ix[] eqs, long[] target, long[] env, long mask) {
        for (int d = 0; mask != 0; d++, mask >>>= 1) {
            if ((mask & 1) != 0 && eqs[d].eval(env) != target[d]) {
                return false;
            }
        }
        return true;
    }
}
