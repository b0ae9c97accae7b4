package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code arg^T}: free when a consumer absorbs it (rewrite rules), a tile copy otherwise. */
public record Transpose(MatrixExpr arg) implements UnaryExpr {
    public Transpose {
        requireNonNull(arg, "arg is null");
    }

    @Override
    public Shape shape() {
        return new Shape(arg.shape().cols(), arg.shape().rows());
    }

    @Override
    public Structure structure() {
        return switch (arg.structure()) {
            case LOWER -> Structure.UPPER;
            case UPPER -> Structure.LOWER;
            default -> arg.structure();
        };
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new Transpose(c.get(0));
    }

    @Override
    public String toString() {
        return arg + ".T";
    }
}
