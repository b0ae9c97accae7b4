package org.wren4j.planner.lambdapack;

/** Rewrites of expressions. */
public final class Exprs {
    private Exprs() {
    }

    /** {@code e} with every reference to {@code name} replaced by {@code value}. */
    public static Expr substitute(Expr e, String name, Expr value) {
        if (e instanceof Ref r) {
            return r.name().equals(name) ? value : r;
        }
        if (e instanceof BinOp b) {
            return new BinOp(b.op(), substitute(b.left(), name, value), substitute(b.right(), name, value));
        }
        if (e instanceof UnOp u) {
            return new UnOp(u.op(), substitute(u.arg(), name, value));
        }
        if (e instanceof CmpOp c) {
            return new CmpOp(c.op(), substitute(c.left(), name, value), substitute(c.right(), name, value));
        }
        return e;
    }
}
