package org.wren4j.api;

import java.util.List;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Shape;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;

/**
 * Streams rows into a new stored matrix of a fixed column count: rows are buffered one tile row
 * at a time ({@code blockSize x cols} values), so memory stays bounded whatever the row count.
 * {@link #finish()} returns the matrix; closing an unfinished writer deletes what it wrote.
 * Not thread-safe.
 */
public final class MatrixWriter implements AutoCloseable {
    private final Wren wren;
    private final String name;
    private final int cols;
    private final int block;
    private final double[] buffer; // row-major, block x cols
    private final TileWindow writes;
    private List<String> columnNames = List.of();
    private int buffered;
    private long rows;
    private boolean finished;
    private boolean closed;

    MatrixWriter(Wren wren, String name, long cols, int block) {
        if (cols < 1) {
            throw new IllegalArgumentException("a matrix needs at least one column, got " + cols);
        }
        if ((long) block * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("one tile row of " + block + " x " + cols + " values is too large; use a smaller block");
        }
        this.wren = wren;
        this.name = name;
        this.cols = (int) cols;
        this.block = block;
        this.buffer = new double[block * this.cols];
        this.writes = TileWindow.forTiles(block, wren.workers(), "writing " + name);
    }

    /** Appends one row; its length must equal the column count. */
    public void appendRow(double[] row) {
        if (row.length != cols) {
            throw new IllegalArgumentException("row " + rows + " has " + row.length + " values, the matrix has " + cols + " columns");
        }
        appendRow(row, 0);
    }

    /** Appends {@code cols} values of {@code values} starting at {@code offset} as one row. */
    public void appendRow(double[] values, int offset) {
        checkOpen();
        System.arraycopy(values, offset, buffer, buffered * cols, cols);
        buffered++;
        rows++;
        if (buffered == block) {
            flushTileRow();
        }
    }

    public long rows() {
        return rows;
    }

    public long cols() {
        return cols;
    }

    /**
     * Names the columns; the names are stored with the matrix and come back with
     * {@link Wren#info(String)}, also after it is saved under a name.
     *
     * @throws IllegalArgumentException if there is not one name per column
     */
    public MatrixWriter columnNames(List<String> names) {
        List<String> copy = List.copyOf(names);
        if (copy.size() != cols) {
            throw new IllegalArgumentException(copy.size() + " column names for a matrix of " + cols + " columns");
        }
        this.columnNames = copy;
        return this;
    }

    private void flushTileRow() {
        long tileRow = (rows - buffered) / block;
        int r = buffered;
        for (int j = 0; j * block < cols; j++) {
            int c0 = j * block;
            int w = Math.min(block, cols - c0);
            double[] v = new double[r * w];
            for (int c = 0; c < w; c++) {
                for (int i = 0; i < r; i++) {
                    v[c * r + i] = buffer[i * cols + c0 + c];
                }
            }
            Tile tile = Tile.wrap(r, w, v);
            TileKey key = TileKey.of(name, tileRow, j);
            writes.submit(() -> wren.io().writeTile(key, tile));
        }
        buffered = 0;
    }

    /**
     * Writes the last partial tile row and returns the stored matrix.
     *
     * @throws IllegalStateException if no row was appended
     */
    public BlockMatrix finish() {
        checkOpen();
        if (rows == 0) {
            throw new IllegalStateException("matrix " + name + " has no rows: append at least one before finish()");
        }
        if (buffered > 0) {
            flushTileRow();
        }
        writes.finish();
        Leaf leaf = new Leaf(name, new Shape(rows, cols), block, false);
        wren.recordWritten(leaf, columnNames);
        finished = true;
        closed = true;
        return new BlockMatrix(wren, leaf);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("matrix writer for " + name + " is closed");
        }
    }

    /** Deletes the partial matrix unless {@link #finish()} succeeded. */
    @Override
    public void close() {
        if (!finished) {
            closed = true;
            try {
                writes.finish();
            } catch (WrenException ignored) {
                // deleting below covers whatever did get written
            }
            wren.io().deleteStored(name);
        }
    }
}
