package org.wren4j.planner.analysis;

import java.util.Map;
import org.wren4j.planner.lambdapack.BinOp;
import org.wren4j.planner.lambdapack.CmpOp;
import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.FloatConst;
import org.wren4j.planner.lambdapack.IntConst;
import org.wren4j.planner.lambdapack.Ref;
import org.wren4j.planner.lambdapack.UnOp;

/**
 * An index expression compiled for evaluation: variables resolved to slots of a {@code long[]}
 * environment, assignments inlined. {@link #slots} is the bit set of slots it reads.
 */
sealed interface Ix {
    long eval(long[] env);

    long slots();

    default boolean uses(int slot) {
        return (slots() & (1L << slot)) != 0;
    }

    record Const(long value) implements Ix {
        @Override
        public long eval(long[] env) {
            return value;
        }

        @Override
        public long slots() {
            return 0;
        }
    }

    record Slot(int slot) implements Ix {
        @Override
        public long eval(long[] env) {
            return env[slot];
        }

        @Override
        public long slots() {
            return 1L << slot;
        }
    }

    record Bin(BinOp.Op op, Ix a, Ix b, long slots) implements Ix {
        Bin(BinOp.Op op, Ix a, Ix b) {
            this(op, a, b, a.slots() | b.slots());
        }

        @Override
        public long eval(long[] env) {
            long x = a.eval(env);
            long y = b.eval(env);
            return switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case FLOOR_DIV -> Math.floorDiv(x, y);
                case CEIL_DIV -> -Math.floorDiv(-x, y);
                case MOD -> Math.floorMod(x, y);
                case POW -> pow(x, y);
                case MIN -> Math.min(x, y);
                case MAX -> Math.max(x, y);
                case AND -> (x != 0 && y != 0) ? 1 : 0;
                case OR -> (x != 0 || y != 0) ? 1 : 0;
            };
        }
    }

    record Un(UnOp.Op op, Ix a) implements Ix {
        @Override
        public long eval(long[] env) {
            long x = a.eval(env);
            return switch (op) {
                case NEG -> -x;
                case NOT -> x == 0 ? 1 : 0;
                case LOG2_FLOOR -> log2Floor(x);
                case LOG2_CEIL -> log2Ceil(x);
            };
        }

        @Override
        public long slots() {
            return a.slots();
        }
    }

    record Cmp(CmpOp.Op op, Ix a, Ix b, long slots) implements Ix {
        Cmp(CmpOp.Op op, Ix a, Ix b) {
            this(op, a, b, a.slots() | b.slots());
        }

        @Override
        public long eval(long[] env) {
            long x = a.eval(env);
            long y = b.eval(env);
            boolean r = switch (op) {
                case EQ -> x == y;
                case NE -> x != y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
            };
            return r ? 1 : 0;
        }
    }

    static long pow(long base, long exp) {
        if (exp < 0) {
            throw new ArithmeticException("negative exponent " + exp);
        }
        if (base == 2) {
            if (exp > 62) {
                throw new ArithmeticException("2**" + exp + " overflows");
            }
            return 1L << exp;
        }
        long r = 1;
        for (long i = 0; i < exp; i++) {
            r = Math.multiplyExact(r, base);
        }
        return r;
    }

    static long log2Floor(long x) {
        if (x <= 0) {
            throw new ArithmeticException("log2 of " + x);
        }
        return 63 - Long.numberOfLeadingZeros(x);
    }

    static long log2Ceil(long x) {
        if (x <= 0) {
            throw new ArithmeticException("log2 of " + x);
        }
        return x == 1 ? 0 : 64 - Long.numberOfLeadingZeros(x - 1);
    }

    /** Compiles {@code e}; {@code slots} maps variable names to slots, {@code lets} assigned names to their (compiled) values. */
    static Ix compile(Expr e, Map<String, Integer> slots, Map<String, Ix> lets) {
        if (e instanceof IntConst c) {
            return new Const(c.value());
        }
        if (e instanceof FloatConst f) {
            throw new IllegalArgumentException("float " + f + " used as an integer expression");
        }
        if (e instanceof Ref r) {
            Ix let = lets.get(r.name());
            if (let != null) {
                return let;
            }
            Integer slot = slots.get(r.name());
            if (slot == null) {
                throw new IllegalArgumentException("unbound variable " + r.name());
            }
            return new Slot(slot);
        }
        if (e instanceof BinOp b) {
            Ix x = compile(b.left(), slots, lets);
            Ix y = compile(b.right(), slots, lets);
            var bin = new Bin(b.op(), x, y);
            return bin.slots() == 0 ? new Const(bin.eval(new long[0])) : bin;
        }
        if (e instanceof UnOp u) {
            var un = new Un(u.op(), compile(u.arg(), slots, lets));
            return un.slots() == 0 ? new Const(un.eval(new long[0])) : un;
        }
        CmpOp c = (CmpOp) e;
        var cmp = new Cmp(c.op(), compile(c.left(), slots, lets), compile(c.right(), slots, lets));
        return cmp.slots() == 0 ? new Const(cmp.eval(new long[0])) : cmp;
    }
}
