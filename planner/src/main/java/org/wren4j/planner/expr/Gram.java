package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code arg^T arg} (SYRK): symmetric positive semi-definite, only the lower tiles computed, half the flops of a product. */
public record Gram(MatrixExpr arg) implements UnaryExpr {
    public Gram {
        requireNonNull(arg, "arg is null");
    }

    @Override
    public Shape shape() {
        return new Shape(arg.shape().cols(), arg.shape().cols());
    }

    @Override
    public Structure structure() {
        return Structure.PSD;
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new Gram(c.get(0));
    }

    @Override
    public String toString() {
        return "gram(" + arg + ")";
    }
}
