package org.wren4j.planner.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Finds the iterations of a statement whose tile reference equals a concrete tile. Loops are
 * bound outermost first; a loop variable is taken from an index equation whose other
 * variables are already bound, by inverting it ({@link Inverter}); an equation that also uses
 * inner, not yet bound variables is inverted over their ranges (interval arithmetic), which
 * narrows the candidates of a reduction tree's node variable to one value. Only a variable
 * that no equation constrains is enumerated over its (bounded) loop range. Every candidate is
 * verified exactly, so the answer is exact for any index expression.
 */
final class Solver {
    private Solver() {
    }

    /** Receives each solution (loop values, without the gather slot); returns false to stop the search. */
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
        List<CompiledStatement.Scope> scopes = s.scopesFor(ref);
        int slots = ref.gathered() ? s.depth() + 1 : s.depth();
        new Solver.Walk(scopes, eqs, target, s.depth(), sink).walk(0, 0L, new long[slots]);
    }

    private record Walk(List<CompiledStatement.Scope> scopes, Ix[] eqs, long[] target, int depth, Sink sink) {

        boolean walk(int at, long bound, long[] env) {
            if (at == scopes.size()) {
                return sink.accept(env.length == depth ? env.clone() : Arrays.copyOf(env, depth));
            }
            CompiledStatement.Scope scope = scopes.get(at);
            if (scope instanceof CompiledStatement.Guard g) {
                return g.condition().eval(env) == 0 || walk(at + 1, bound, env);
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
            long[][] ranges = null;
            for (int d = 0; d < eqs.length && lo <= hi; d++) {
                long used = eqs[d].slots();
                if ((used & (1L << slot)) == 0) {
                    continue;
                }
                long[] iv;
                if ((used & ~nowBound) == 0) {
                    checkMask |= 1L << d;
                    iv = Inverter.invert(eqs[d], slot, target[d], target[d], env);
                } else {
                    if (ranges == null) {
                        ranges = innerRanges(at, bound, env, slot, from, to - 1);
                    }
                    iv = Inverter.invert(eqs[d], slot, target[d], target[d], env, nowBound, ranges);
                }
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
                if (matches(env, checkMask) && !walk(at + 1, nowBound, env)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Conservative ranges of the loops inside scope {@code at}, given the slots bound before
         * it; the slot being solved at {@code at} counts as its whole range {@code [from, last]},
         * since env holds a stale value of it (an inner loop bound such as {@code M - k} evaluated
         * at a stale k would exclude real solutions).
         */
        private long[][] innerRanges(int at, long bound, long[] env, int slot, long from, long last) {
            long[][] ranges = new long[env.length][];
            ranges[slot] = new long[] {from, last};
            for (int i = at + 1; i < scopes.size(); i++) {
                if (scopes.get(i) instanceof CompiledStatement.Loop l) {
                    long[] f = Intervals.of(l.from(), env, bound, ranges);
                    long[] t = Intervals.of(l.to(), env, bound, ranges);
                    ranges[l.slot()] = new long[] {f[0], Intervals.sat(t[1] - 1)};
                }
            }
            return ranges;
        }

        private boolean matches(long[] env, long mask) {
            for (int d = 0; mask != 0; d++, mask >>>= 1) {
                if ((mask & 1) != 0 && eqs[d].eval(env) != target[d]) {
                    return false;
                }
            }
            return true;
        }
    }
}
