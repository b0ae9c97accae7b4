package org.wren4j.planner.expr;

/** Rows and columns of a matrix. */
public record Shape(long rows, long cols) {
    public Shape {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a matrix needs at least one row and one column, got " + rows + "x" + cols);
        }
    }

    /** Tiles along the rows for square tiles of {@code block}. */
    public long tileRows(int block) {
        return (rows + block - 1) / block;
    }

    public long tileCols(int block) {
        return (cols + block - 1) / block;
    }

    public boolean isSquare() {
        return rows == cols;
    }

    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
