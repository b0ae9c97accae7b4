package org.wren4j.planner.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A polynomial with exact rational coefficients in the loop slots of a statement, used to sum
 * iteration counts in closed form. Immutable; small (a few slots, low degree).
 */
final class Poly {
    /** Exact rational {@code num / den}, {@code den > 0}, reduced. */
    record Q(BigInteger num, BigInteger den) {
        static final Q ZERO = new Q(BigInteger.ZERO, BigInteger.ONE);
        static final Q ONE = new Q(BigInteger.ONE, BigInteger.ONE);

        static Q of(long n) {
            return new Q(BigInteger.valueOf(n), BigInteger.ONE);
        }

        static Q of(BigInteger n, BigInteger d) {
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            BigInteger g = n.gcd(d);
            return g.signum() == 0 ? ZERO : new Q(n.divide(g), d.divide(g));
        }

        Q add(Q o) {
            return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
        }

        Q mul(Q o) {
            return of(num.multiply(o.num), den.multiply(o.den));
        }

        boolean isZero() {
            return num.signum() == 0;
        }
    }

    private final int vars;
    private final Map<List<Integer>, Q> terms;

    private Poly(int vars, Map<List<Integer>, Q> terms) {
        this.vars = vars;
        this.terms = terms;
    }

    int vars() {
        return vars;
    }

    static Poly constant(int vars, Q c) {
        var t = new HashMap<List<Integer>, Q>();
        if (!c.isZero()) {
            t.put(zeroExp(vars), c);
        }
        return new Poly(vars, t);
    }

    static Poly constant(int vars, long c) {
        return constant(vars, Q.of(c));
    }

    static Poly var(int vars, int slot) {
        Integer[] e = new Integer[vars];
        Arrays.fill(e, 0);
        e[slot] = 1;
        var t = new HashMap<List<Integer>, Q>();
        t.put(List.of(e), Q.ONE);
        return new Poly(vars, t);
    }

    private static List<Integer> zeroExp(int vars) {
        Integer[] e = new Integer[vars];
        Arrays.fill(e, 0);
        return List.of(e);
    }

    Poly add(Poly o) {
        var t = new HashMap<>(terms);
        o.terms.forEach((k, v) -> t.merge(k, v, Q::add));
        t.values().removeIf(Q::isZero);
        return new Poly(vars, t);
    }

    Poly scale(Q c) {
        var t = new HashMap<List<Integer>, Q>();
        terms.forEach((k, v) -> t.put(k, v.mul(c)));
        t.values().removeIf(Q::isZero);
        return new Poly(vars, t);
    }

    Poly mul(Poly o) {
        var t = new HashMap<List<Integer>, Q>();
        for (var a : terms.entrySet()) {
            for (var b : o.terms.entrySet()) {
                Integer[] e = new Integer[vars];
                for (int i = 0; i < vars; i++) {
                    e[i] = a.getKey().get(i) + b.getKey().get(i);
                }
                t.merge(List.of(e), a.getValue().mul(b.getValue()), Q::add);
            }
        }
        t.values().removeIf(Q::isZero);
        return new Poly(vars, t);
    }

    int degree(int slot) {
        int d = 0;
        for (List<Integer> e : terms.keySet()) {
            d = Math.max(d, e.get(slot));
        }
        return d;
    }

    int totalDegree() {
        int d = 0;
        for (List<Integer> e : terms.keySet()) {
            d = Math.max(d, e.stream().mapToInt(Integer::intValue).sum());
        }
        return d;
    }

    /** The coefficient of {@code slot^d}, a polynomial in the other slots. */
    Poly coefficient(int slot, int d) {
        var t = new HashMap<List<Integer>, Q>();
        terms.forEach((k, v) -> {
            if (k.get(slot) == d) {
                var e = new ArrayList<>(k);
                e.set(slot, 0);
                t.merge(List.copyOf(e), v, Q::add);
            }
        });
        return new Poly(vars, t);
    }

    /** {@code this} with {@code slot} replaced by {@code value}. */
    Poly substitute(int slot, Poly value) {
        Poly out = constant(vars, 0);
        Poly power = constant(vars, 1);
        for (int d = 0; d <= degree(slot); d++) {
            out = out.add(coefficient(slot, d).mul(power));
            power = power.mul(value);
        }
        return out;
    }

    /** Sum of {@code this} over {@code slot} in {@code from .. to - 1}; exact when {@code to >= from}. */
    Poly sum(int slot, Poly from, Poly to) {
        Poly out = constant(vars, 0);
        for (int d = 0; d <= degree(slot); d++) {
            Poly c = coefficient(slot, d);
            // sum_{s=from}^{to-1} s^d = F_d(to - 1) - F_d(from - 1)
            Poly upper = faulhaber(d, to.add(constant(vars, -1)));
            Poly lower = faulhaber(d, from.add(constant(vars, -1)));
            out = out.add(c.mul(upper.add(lower.scale(Q.of(-1)))));
        }
        return out;
    }

    /** {@code F_d(x) = sum_{s=0}^{x} s^d} as a polynomial of degree d + 1, composed with {@code x}. */
    private Poly faulhaber(int d, Poly x) {
        Q[] coef = faulhaberCoefficients(d);
        Poly out = constant(vars, 0);
        Poly power = constant(vars, 1);
        for (Q q : coef) {
            out = out.add(power.scale(q));
            power = power.mul(x);
        }
        return out;
    }

    /** Coefficients (constant first) of F_d, by Lagrange interpolation at x = 0 .. d + 1. */
    static Q[] faulhaberCoefficients(int d) {
        int n = d + 2;
        Q[] result = new Q[n];
        Arrays.fill(result, Q.ZERO);
        long prefix = 0;
        for (int i = 0; i < n; i++) {
            prefix += BigInteger.valueOf(i).pow(d).longValueExact();
            // basis polynomial prod_{j != i} (x - j) / (i - j)
            Q[] basis = {Q.ONE};
            BigInteger denom = BigInteger.ONE;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                Q[] next = new Q[basis.length + 1];
                Arrays.fill(next, Q.ZERO);
                for (int k = 0; k < basis.length; k++) {
                    next[k + 1] = next[k + 1].add(basis[k]);
                    next[k] = next[k].add(basis[k].mul(Q.of(-j)));
                }
                basis = next;
                denom = denom.multiply(BigInteger.valueOf(i - j));
            }
            Q scale = Q.of(BigInteger.valueOf(prefix), denom);
            for (int k = 0; k < n; k++) {
                result[k] = result[k].add(basis[k].mul(scale));
            }
        }
        return result;
    }

    /** The constant term; the polynomial must be constant. */
    Q constantValue() {
        for (var e : terms.entrySet()) {
            if (e.getKey().stream().anyMatch(x -> x != 0)) {
                throw new IllegalStateException("not a constant: " + terms);
            }
        }
        return terms.getOrDefault(zeroExp(vars), Q.ZERO);
    }

    /** Value with every slot of {@code mask} taken from {@code env}; the others must not occur. */
    Poly bind(long mask, long[] env) {
        Poly p = this;
        for (int s = 0; s < vars; s++) {
            if ((mask & (1L << s)) != 0 && p.degree(s) > 0) {
                p = p.substitute(s, constant(vars, env[s]));
            }
        }
        return p;
    }

    /** Converts an index expression built of +, -, * and constants; null for anything else. */
    static Poly of(Ix e, int vars) {
        if (e instanceof Ix.Const c) {
            return constant(vars, c.value());
        }
        if (e instanceof Ix.Slot s) {
            return var(vars, s.slot());
        }
        if (e instanceof Ix.Un u && u.op() == org.wren4j.planner.lambdapack.UnOp.Op.NEG) {
            Poly a = of(u.a(), vars);
            return a == null ? null : a.scale(Q.of(-1));
        }
        if (e instanceof Ix.Bin b) {
            Poly x = of(b.a(), vars);
            Poly y = x == null ? null : of(b.b(), vars);
            if (y == null) {
                return null;
            }
            return switch (b.op()) {
                case ADD -> x.add(y);
                case SUB -> x.add(y.scale(Q.of(-1)));
                case MUL -> x.mul(y);
                default -> null;
            };
        }
        return null;
    }
}
