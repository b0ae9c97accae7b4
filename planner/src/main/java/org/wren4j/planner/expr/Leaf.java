package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A matrix whose tiles are in the store under {@code name}. */
public record Leaf(String name, Shape shape, int blockSize, boolean lowerTriangular) implements MatrixExpr {
    public Leaf {
        requireNonNull(name, "name is null");
        requireNonNull(shape, "shape is null");
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
        }
    }

    @Override
    public List<MatrixExpr> children() {
        return List.of();
    }

    @Override
    public String toString() {
        return name;
    }
}
