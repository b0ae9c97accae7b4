package org.wren4j.api;

import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;

/**
 * Writes one row range of a {@link SharedMatrix}: rows are buffered one tile row at a time (at most
 * {@code blockSize x cols} values); a tile row the range covers whole is written as the matrix's
 * own tiles, a part of a shared tile row as a piece for {@link SharedMatrix#mergeTileRow}. Not
 * thread-safe; closing it does not delete what it wrote (a retry writes the same tiles again).
 */
public final class RangeWriter implements AutoCloseable {
    private final Wren session;
    private final SharedMatrix matrix;
    private final long first;
    private final long expected;
    private final int cols;
    private final int block;
    private final double[] buffer; // row-major, at most block x cols
    private final TileWindow writes;
    private long rows;
    private int buffered;
    private boolean closed;

    RangeWriter(Wren session, SharedMatrix matrix, long first, long expected) {
        this.session = session;
        this.matrix = matrix;
        this.first = first;
        this.expected = expected;
        this.cols = (int) matrix.cols();
        this.block = matrix.blockSize();
        this.buffer = new double[(int) Math.min(block, Math.max(expected, 1)) * cols];
        this.writes = TileWindow.forTiles(block, session.workers(), "writing rows " + first + ".." + (first + expected - 1) + " of " + matrix.name());
    }

    /** Appends one row; its length must equal the column count. */
    public void appendRow(double[] row) {
        if (row.length != cols) {
            throw new IllegalArgumentException("row " + (first + rows) + " has " + row.length + " values, the matrix has " + cols + " columns");
        }
        appendRow(row, 0);
    }

    /** Appends {@code cols} values of {@code values} starting at {@code offset} as one row. */
    public void appendRow(double[] values, int offset) {
        if (closed) {
            throw new IllegalStateException("range writer of " + matrix.name() + " is closed");
        }
        if (rows == expected) {
            throw new IllegalStateException("range of " + matrix.name() + " starting at row " + first + " holds " + expected
                    + " rows; one more was appended");
        }
        System.arraycopy(values, offset, buffer, buffered * cols, cols);
        buffered++;
        rows++;
        long next = first + rows;
        if (next % block == 0 || rows == expected) {
            flush();
        }
    }

    /** Rows appended so far. */
    public long rows() {
        return rows;
    }

    private void flush() {
        long top = first + rows - buffered; // first buffered row, global
        long tileRow = top / block;
        int offset = (int) (top - tileRow * block);
        int height = (int) Math.min(block, matrix.rows() - tileRow * block);
        boolean whole = offset == 0 && buffered == height;
        int r = buffered;
        for (int j = 0; (long) j * block < cols; j++) {
            int c0 = j * block;
            int w = Math.min(block, cols - c0);
            double[] v = new double[r * w];
            for (int c = 0; c < w; c++) {
                for (int i = 0; i < r; i++) {
                    v[c * r + i] = buffer[i * cols + c0 + c];
                }
            }
            TileKey key = whole ? TileKey.of(matrix.name(), tileRow, j) : matrix.pieceKey(offset, tileRow, j);
            Tile tile = Tile.wrap(r, w, v);
            writes.submit(() -> session.io().writeTile(key, tile));
        }
        buffered = 0;
    }

    /**
     * Waits until every tile of the range is stored.
     *
     * @throws IllegalStateException if fewer rows were appended than the range holds
     * @throws WrenException naming the tile if a write failed
     */
    public void finish() {
        if (rows != expected) {
            throw new IllegalStateException("range of " + matrix.name() + " starting at row " + first + " holds " + expected + " rows; "
                    + rows + " were appended");
        }
        closed = true;
        writes.finish();
    }

    /** Stops writing; waits for writes in flight. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                writes.finish();
            } catch (WrenException ignored) {
                // the range is incomplete anyway; SharedMatrix.delete removes what was written
            }
        }
    }
}
