package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A matrix whose tiles are in the store under {@code name}. */
public record Leaf(String name, Shape shape, int blockSize, Structure structure) implements MatrixExpr {
    public Leaf {
        requireNonNull(name, "name is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(structure, "structure is null");
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
        }
        if (structure != Structure.GENERAL && !shape.isSquare()) {
            throw new IllegalArgumentException("a " + structure + " matrix must be square, got " + shape);
        }
    }

    public Leaf(String name, Shape shape, int blockSize, boolean lowerTriangular) {
        this(name, shape, blockSize, lowerTriangular ? Structure.LOWER : Structure.GENERAL);
    }

    @Override
    public List<MatrixExpr> children() {
        return List.of();
    }

    @Override
    public MatrixExpr withChildren(List<MatrixExpr> children) {
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
