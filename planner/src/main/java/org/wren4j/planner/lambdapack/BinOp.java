package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A binary arithmetic or logical operation on integers. */
public record BinOp(Op op, Expr left, Expr right) implements Expr {

    public enum Op {
        ADD("+"), SUB("-"), MUL("*"), FLOOR_DIV("//"), CEIL_DIV("ceildiv"), MOD("%"), POW("**"),
        MIN("min"), MAX("max"), AND("and"), OR("or");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean isFunction() {
            return this == MIN || this == MAX || this == CEIL_DIV;
        }
    }

    public BinOp {
        requireNonNull(op, "op is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }

    @Override
    public List<Expr> children() {
        return List.of(left, right);
    }

    @Override
    public String toString() {
        if (op.isFunction()) {
            return op.symbol + "(" + left + ", " + right + ")";
        }
        return "(" + left + " " + op.symbol + " " + right + ")";
    }
}
