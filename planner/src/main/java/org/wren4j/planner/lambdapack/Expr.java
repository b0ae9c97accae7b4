package org.wren4j.planner.lambdapack;

import java.util.List;
import java.util.Set;

/**
 * A LAmbdaPACK integer (or float) expression: tile indices, loop bounds, conditions and kernel
 * scalars. Booleans are integers: 0 is false, anything else true.
 */
public sealed interface Expr permits IntConst, FloatConst, Ref, BinOp, UnOp, CmpOp {

    /** Direct sub-expressions, left to right. */
    List<Expr> children();

    /** Names of the variables this expression reads. */
    default Set<String> variables() {
        var out = new java.util.LinkedHashSet<String>();
        collectVariables(this, out);
        return out;
    }

    private static void collectVariables(Expr e, Set<String> out) {
        if (e instanceof Ref r) {
            out.add(r.name());
        }
        for (Expr c : e.children()) {
            collectVariables(c, out);
        }
    }

    static Expr c(long v) {
        return new IntConst(v);
    }

    static Expr v(String name) {
        return new Ref(name);
    }

    static Expr add(Expr a, Expr b) {
        return new BinOp(BinOp.Op.ADD, a, b);
    }

    static Expr sub(Expr a, Expr b) {
        return new BinOp(BinOp.Op.SUB, a, b);
    }

    static Expr mul(Expr a, Expr b) {
        return new BinOp(BinOp.Op.MUL, a, b);
    }

    static Expr floorDiv(Expr a, Expr b) {
        return new BinOp(BinOp.Op.FLOOR_DIV, a, b);
    }

    static Expr ceilDiv(Expr a, Expr b) {
        return new BinOp(BinOp.Op.CEIL_DIV, a, b);
    }

    static Expr mod(Expr a, Expr b) {
        return new BinOp(BinOp.Op.MOD, a, b);
    }

    static Expr pow(Expr a, Expr b) {
        return new BinOp(BinOp.Op.POW, a, b);
    }

    static Expr min(Expr a, Expr b) {
        return new BinOp(BinOp.Op.MIN, a, b);
    }

    static Expr max(Expr a, Expr b) {
        return new BinOp(BinOp.Op.MAX, a, b);
    }

    static Expr and(Expr a, Expr b) {
        return new BinOp(BinOp.Op.AND, a, b);
    }

    static Expr or(Expr a, Expr b) {
        return new BinOp(BinOp.Op.OR, a, b);
    }

    static Expr eq(Expr a, Expr b) {
        return new CmpOp(CmpOp.Op.EQ, a, b);
    }

    static Expr ne(Expr a, Expr b) {
        return new CmpOp(CmpOp.Op.NE, a, b);
    }

    static Expr lt(Expr a, Expr b) {
        return new CmpOp(CmpOp.Op.LT, a, b);
    }

    static Expr le(Expr a, Expr b) {
        return new CmpOp(CmpOp.Op.LE, a, b);
    }

    static Expr gt(Expr a, Expr b) {
        return new CmpOp(CmpOp.Op.GT, a, b);
    }

    static Expr ge(Expr a, Expr b) {
        return new CmpOp(CmpOp.Op.GE, a, b);
    }

    static Expr log2Floor(Expr a) {
        return new UnOp(UnOp.Op.LOG2_FLOOR, a);
    }

    static Expr log2Ceil(Expr a) {
        return new UnOp(UnOp.Op.LOG2_CEIL, a);
    }

    static Expr neg(Expr a) {
        return new UnOp(UnOp.Op.NEG, a);
    }

    static Expr not(Expr a) {
        return new UnOp(UnOp.Op.NOT, a);
    }
}
