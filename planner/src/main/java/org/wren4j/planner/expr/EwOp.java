package org.wren4j.planner.expr;

/** One instruction of an element-wise stack program ({@link EwProgram}). */
public sealed interface EwOp {

    /** Push element e of input {@code input}. */
    record Load(int input) implements EwOp {
        public Load {
            if (input < 0) {
                throw new IllegalArgumentException("input index must be >= 0, got " + input);
            }
        }

        @Override
        public String toString() {
            return "x" + input;
        }
    }

    /** Push a constant. */
    record Const(double value) implements EwOp {
        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** Pop one value, push {@code fn(value)}. */
    record Unary(UnaryFn fn) implements EwOp {
        @Override
        public String toString() {
            return fn.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Pop b then a, push {@code fn(a, b)}. */
    record Binary(BinaryFn fn) implements EwOp {
        @Override
        public String toString() {
            return fn.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    enum UnaryFn {
        NEG, ABS, SQRT, EXP, LOG, SQUARE;

        public double apply(double x) {
            return switch (this) {
                case NEG -> -x;
                case ABS -> Math.abs(x);
                case SQRT -> Math.sqrt(x);
                case EXP -> Math.exp(x);
                case LOG -> Math.log(x);
                case SQUARE -> x * x;
            };
        }
    }

    /**
     * Binary functions; new ones go at the end (the opcode is the ordinal). The comparisons give
     * 1 or 0 (NaN compares unequal to everything, as in Java and numpy); {@code MASK} keeps a
     * where b is nonzero (NaN counts as nonzero, as numpy's truth) and gives 0 elsewhere,
     * {@code MASK_NOT} the other way round: {@code where(c, x, y) = MASK(x, c) + MASK_NOT(y, c)},
     * exact without multiplying an infinity by 0.
     */
    enum BinaryFn {
        ADD, SUB, MUL, DIV, MIN, MAX, EQ, NE, LT, LE, GT, GE, MASK, MASK_NOT;

        public double apply(double a, double b) {
            return switch (this) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case DIV -> a / b;
                case MIN -> Math.min(a, b);
                case MAX -> Math.max(a, b);
                case EQ -> a == b ? 1 : 0;
                case NE -> a != b ? 1 : 0;
                case LT -> a < b ? 1 : 0;
                case LE -> a <= b ? 1 : 0;
                case GT -> a > b ? 1 : 0;
                case GE -> a >= b ? 1 : 0;
                case MASK -> b != 0 ? a : 0;
                case MASK_NOT -> b != 0 ? 0 : a;
            };
        }
    }
}
