package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.wren4j.planner.library.ReduceOp;

/**
 * Reduces each row ({@link Axis#ROWS}: an {@code rows x 1} result) or each column
 * ({@link Axis#COLUMNS}: {@code 1 x cols}) with sum, 2-norm, min, max, or the index of the min
 * or max (as a double).
 */
public record Reduction(MatrixExpr arg, ReduceOp op, Axis axis) implements UnaryExpr {
    public Reduction {
        requireNonNull(arg, "arg is null");
        requireNonNull(op, "op is null");
        requireNonNull(axis, "axis is null");
    }

    @Override
    public Shape shape() {
        return axis == Axis.ROWS ? new Shape(arg.shape().rows(), 1) : new Shape(1, arg.shape().cols());
    }

    @Override
    public Structure structure() {
        return Structure.GENERAL;
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new Reduction(c.get(0), op, axis);
    }

    @Override
    public String toString() {
        return op.name().toLowerCase(java.util.Locale.ROOT) + "_" + axis.name().toLowerCase(java.util.Locale.ROOT) + "(" + arg + ")";
    }
}
