package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code P B}: B's rows permuted by the row permutation P of {@code P A = L U} (see {@link Lu}). */
public record LuPermute(MatrixExpr a, MatrixExpr b) implements RightHandSideExpr {
    public LuPermute {
        requireNonNull(a, "a is null");
        requireNonNull(b, "b is null");
        Checks.system("lu permute", a, b);
    }

    @Override
    public List<MatrixExpr> children() {
        return List.of(a, b);
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new LuPermute(c.get(0), c.get(1));
    }

    @Override
    public String toString() {
        return "lu_permute(" + a + ", " + b + ")";
    }
}
