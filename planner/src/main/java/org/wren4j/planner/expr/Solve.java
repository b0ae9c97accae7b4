package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code X} with {@code A X = B}; rewrite rules choose the method from A's structure. */
public record Solve(MatrixExpr a, MatrixExpr b) implements RightHandSideExpr {
    public Solve {
        requireNonNull(a, "a is null");
        requireNonNull(b, "b is null");
        Checks.system("solve", a, b);
    }

    @Override
    public List<MatrixExpr> children() {
        return List.of(a, b);
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> c) {
        return new Solve(c.get(0), c.get(1));
    }

    @Override
    public String toString() {
        return "solve(" + a + ", " + b + ")";
    }
}
