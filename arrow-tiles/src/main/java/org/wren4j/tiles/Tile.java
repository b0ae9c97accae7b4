package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A dense float64 tile in column-major order: element (r, c) is {@code values[c * rows + r]}.
 * The array is owned by the tile; callers must not mutate it after construction.
 */
public final class Tile {
    private final int rows;
    private final int cols;
    private final double[] values;

    private Tile(int rows, int cols, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    /**
     * Wraps {@code values} (column-major, not copied).
     *
     * @throws IllegalArgumentException if the length is not {@code rows * cols} or a dimension is not positive
     */
    public static Tile wrap(int rows, int cols, double[] values) {
        requireNonNull(values, "values is null");
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("tile dimensions must be positive, got " + rows + "x" + cols);
        }
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException("tile " + rows + "x" + cols + " needs " + (long) rows * cols + " values, got " + values.length);
        }
        return new Tile(rows, cols, values);
    }

    /**
     * A tile without values: one or both dimensions are zero (the edge of an empty matrix).
     *
     * @throws IllegalArgumentException unless both dimensions are non-negative and one is zero
     */
    public static Tile empty(int rows, int cols) {
        if (rows < 0 || cols < 0 || (rows != 0 && cols != 0)) {
            throw new IllegalArgumentException("an empty tile needs a zero dimension, got " + rows + "x" + cols);
        }
        return new Tile(rows, cols, new double[0]);
    }

    public static Tile zeros(int rows, int cols) {
        return wrap(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** Copies a row-major 2-D block {@code a[r0 .. r0+rows)[c0 .. c0+cols)} into a tile. */
    public static Tile copyOf(double[][] a, int r0, int c0, int rows, int cols) {
        double[] v = new double[Math.multiplyExact(rows, cols)];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                v[c * rows + r] = a[r0 + r][c0 + c];
            }
        }
        return wrap(rows, cols, v);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int r, int c) {
        return values[c * rows + r];
    }

    /** The backing column-major array (not a copy: do not mutate). */
    public double[] values() {
        return values;
    }

    public long sizeBytes() {
        return (long) values.length * Double.BYTES;
    }

    /** A new tile holding the transpose of this one. */
    public Tile transpose() {
        double[] t = new double[values.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                t[r * cols + c] = values[c * rows + r];
            }
        }
        return wrap(cols, rows, t);
    }

    /** Copies this tile into a row-major 2-D array at {@code (r0, c0)}. */
    public void copyInto(double[][] out, int r0, int c0) {
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                out[r0 + r][c0 + c] = values[c * rows + r];
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tile t && t.rows == rows && t.cols == cols && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Tile[" + rows + "x" + cols + "]";
    }
}
