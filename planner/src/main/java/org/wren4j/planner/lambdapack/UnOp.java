package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A unary operation: negation, logical not, floor or ceiling of log2. */
public record UnOp(Op op, Expr arg) implements Expr {

    public enum Op {
        NEG("-"), NOT("not "), LOG2_FLOOR("log2"), LOG2_CEIL("ceil_log2");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public UnOp {
        requireNonNull(op, "op is null");
        requireNonNull(arg, "arg is null");
    }

    @Override
    public List<Expr> children() {
        return List.of(arg);
    }

    @Override
    public String toString() {
        return switch (op) {
            case NEG, NOT -> op.symbol + arg;
            case LOG2_FLOOR, LOG2_CEIL -> op.symbol + "(" + arg + ")";
        };
    }
}
