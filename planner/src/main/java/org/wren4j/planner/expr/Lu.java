package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One factor of {@code P A = L U}, LU with tournament pivoting of a square A: the unit lower
 * L (ones on the diagonal) or the upper U. Both parts of one A share one factorization when
 * they appear in the same expression; {@link LuPermute} applies P.
 */
public record Lu(MatrixExpr arg, Part part) implements SameShapeExpr {
    public enum Part { L, U }

    public Lu {
        requireNonNull(arg, "arg is null");
        requireNonNull(part, "part is null");
        Checks.square("lu", arg);
    }

    @Override
    public Structure structure() {
        return part == Part.L ? Structure.LOWER : Structure.UPPER;
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new Lu(c.get(0), part);
    }

    @Override
    public String toString() {
        return "lu_" + part.name().toLowerCase(java.util.Locale.ROOT) + "(" + arg + ")";
    }
}
