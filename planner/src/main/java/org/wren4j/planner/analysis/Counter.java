package org.wren4j.planner.analysis;

import java.util.ArrayList;
import java.util.List;
import org.wren4j.planner.lambdapack.CmpOp;

/**
 * Counts the tasks of a statement without walking its iteration space where the loop structure
 * allows. A nest of loops with affine bounds and unit step is summed symbolically (Faulhaber
 * polynomials, exact rationals), after checking that no loop of the nest can have a negative
 * trip count; a loop that nothing inside depends on multiplies; a guard {@code var op expr}
 * right after a loop narrows its range. Only a loop whose bounds are nonlinear and used inside
 * (the level loop of a reduction tree) is enumerated, i.e. O(log n) values.
 */
final class Counter {
    private static final long ALL_LO = Long.MIN_VALUE / 4;
    private static final long ALL_HI = Long.MAX_VALUE / 4;

    private final List<CompiledStatement.Scope> scopes;
    private final long[] usedFrom;
    private final int vars;

    private Counter(CompiledStatement s) {
        this.scopes = s.scopes();
        this.vars = Math.max(1, s.depth());
        this.usedFrom = new long[scopes.size() + 1];
        for (int p = scopes.size() - 1; p >= 0; p--) {
            long used = scopes.get(p) instanceof CompiledStatement.Loop l
                    ? l.from().slots() | l.to().slots() | l.step().slots()
                    : ((CompiledStatement.Guard) scopes.get(p)).condition().slots();
            usedFrom[p] = usedFrom[p + 1] | used;
        }
    }

    static long count(CompiledStatement s) {
        return new Counter(s).count(0, new long[Math.max(1, s.depth())]);
    }

    private long count(int at, long[] env) {
        if (at == scopes.size()) {
            return 1;
        }
        Poly p = symbolic(at, env, 0L, new ArrayList<>());
        if (p != null) {
            return p.constantValue().num().longValueExact();
        }
        CompiledStatement.Scope scope = scopes.get(at);
        if (scope instanceof CompiledStatement.Guard g) {
            return g.condition().eval(env) == 0 ? 0 : count(at + 1, env);
        }
        var loop = (CompiledStatement.Loop) scope;
        int slot = loop.slot();
        long from = loop.from().eval(env);
        long to = loop.to().eval(env);
        long step = loop.step().eval(env);
        long lo = from;
        long hi = to - 1;
        int next = at + 1;
        while (next < scopes.size() && scopes.get(next) instanceof CompiledStatement.Guard g) {
            if (!g.condition().uses(slot)) {
                if (g.condition().eval(env) == 0) {
                    return 0;
                }
            } else {
                long[] iv = step == 1 ? fold(g.condition(), slot, env) : null;
                if (iv == null) {
                    break;
                }
                lo = Math.max(lo, iv[0]);
                hi = Math.min(hi, iv[1]);
            }
            next++;
        }
        if (lo > hi) {
            return 0;
        }
        if ((usedFrom[next] & (1L << slot)) == 0) {
            env[slot] = lo;
            long trip = step == 1 ? hi - lo + 1 : (hi - lo) / step + 1;
            return trip == 0 ? 0 : Math.multiplyExact(trip, count(next, env));
        }
        long total = 0;
        for (long v = lo; v <= hi; v += step) {
            env[slot] = v;
            total += count(next, env);
        }
        return total;
    }

    /** The interval of {@code slot} a guard allows, or null if it is not a conjunction of comparisons with the slot. */
    private static long[] fold(Ix cond, int slot, long[] env) {
        if (!cond.uses(slot)) {
            return cond.eval(env) != 0 ? new long[] {ALL_LO, ALL_HI} : new long[] {1, 0};
        }
        if (cond instanceof Ix.Bin b && b.op() == org.wren4j.planner.lambdapack.BinOp.Op.AND) {
            long[] x = fold(b.a(), slot, env);
            long[] y = x == null ? null : fold(b.b(), slot, env);
            return y == null ? null : new long[] {Math.max(x[0], y[0]), Math.min(x[1], y[1])};
        }
        if (cond instanceof Ix.Cmp c) {
            boolean left = c.a() instanceof Ix.Slot s && s.slot() == slot && !c.b().uses(slot);
            boolean right = c.b() instanceof Ix.Slot s && s.slot() == slot && !c.a().uses(slot);
            if (!left && !right) {
                return null;
            }
            long v = (left ? c.b() : c.a()).eval(env);
            CmpOp.Op op = left ? c.op() : mirror(c.op());
            return switch (op) {
                case EQ -> new long[] {v, v};
                case LT -> new long[] {ALL_LO, v - 1};
                case LE -> new long[] {ALL_LO, v};
                case GT -> new long[] {v + 1, ALL_HI};
                case GE -> new long[] {v, ALL_HI};
                case NE -> null;
            };
        }
        return null;
    }

    private static CmpOp.Op mirror(CmpOp.Op op) {
        return switch (op) {
            case LT -> CmpOp.Op.GT;
            case LE -> CmpOp.Op.GE;
            case GT -> CmpOp.Op.LT;
            case GE -> CmpOp.Op.LE;
            default -> op;
        };
    }

    /** An enclosing loop of a symbolic nest: its slot and affine bounds. */
    private record Bounds(int slot, Poly from, Poly to) {
    }

    /**
     * The count of scopes {@code at..} as a polynomial in the slots of {@code symbolic} (loops
     * summed symbolically so far), or null if this part is not an affine nest.
     */
    private Poly symbolic(int at, long[] env, long symbolic, List<Bounds> nest) {
        if (at == scopes.size()) {
            return Poly.constant(vars, 1);
        }
        if (symbolic != 0 && (usedFrom[at] & symbolic) == 0) {
            return Poly.constant(vars, count(at, env));
        }
        CompiledStatement.Scope scope = scopes.get(at);
        if (scope instanceof CompiledStatement.Guard g) {
            if ((g.condition().slots() & symbolic) != 0) {
                return null;
            }
            return g.condition().eval(env) == 0 ? Poly.constant(vars, 0) : symbolic(at + 1, env, symbolic, nest);
        }
        var loop = (CompiledStatement.Loop) scope;
        if (!(loop.step() instanceof Ix.Const c) || c.value() != 1) {
            return null;
        }
        Poly from = Poly.of(loop.from(), vars);
        Poly to = Poly.of(loop.to(), vars);
        if (from == null || to == null) {
            return null;
        }
        from = from.bind(~symbolic, env);
        to = to.bind(~symbolic, env);
        if (from.totalDegree() > 1 || to.totalDegree() > 1 || minOver(to.add(from.scale(Poly.Q.of(-1))), nest) < 0) {
            return null;
        }
        var inner = new ArrayList<>(nest);
        inner.add(new Bounds(loop.slot(), from, to));
        Poly body = symbolic(at + 1, env, symbolic | (1L << loop.slot()), inner);
        return body == null ? null : body.sum(loop.slot(), from, to);
    }

    /** Minimum of an affine {@code e} over the nest, eliminating loops innermost first (bounds are affine). */
    private static long minOver(Poly e, List<Bounds> nest) {
        for (int i = nest.size() - 1; i >= 0; i--) {
            Bounds b = nest.get(i);
            if (e.degree(b.slot()) == 0) {
                continue;
            }
            Poly.Q c = e.coefficient(b.slot(), 1).constantValue();
            e = e.substitute(b.slot(), c.num().signum() > 0 ? b.from() : b.to().add(Poly.constant(e.vars(), -1)));
        }
        Poly.Q v = e.constantValue();
        return v.num().signum() < 0 ? -1 : 0;
    }
}
