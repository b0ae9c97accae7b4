package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Shape;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;

/**
 * One new matrix written by many writers at once, each in its own process if need be (threads,
 * Spark tasks, other machines), all through sessions on the same tile store. It is split up front
 * into consecutive row ranges, one per writer: the writer of a range ({@link #writer}) writes the
 * tile rows its range covers whole as the matrix's own tiles, and its parts of the (at most two)
 * tile rows it shares with a neighbouring range as pieces beside the matrix. Once every range is
 * written, each shared tile row ({@link #sharedTileRows()}) is joined from its pieces by
 * {@link #mergeTileRow} (in any process, one call per tile row), and {@link #finish} records the
 * matrix. No row ever moves between writers. Whole tiles can also be written directly
 * ({@link #writeTile}). Writing a range, a tile or a merge again with equal values succeeds, so a
 * retried writer is harmless; different values fail.
 *
 * <p>Serializable: hand it to the writers as it is. Made by {@link Wren#sharedMatrix}.
 *
 * @param name the matrix's stored name
 * @param cols column count
 * @param blockSize the tile edge
 * @param rangeStarts the first row of each range, then the row count: range {@code r} holds rows
 *     {@code rangeStarts[r] .. rangeStarts[r + 1] - 1} (possibly none)
 */
public record SharedMatrix(String name, long cols, int blockSize, List<Long> rangeStarts) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SharedMatrix {
        requireNonNull(name, "name is null");
        rangeStarts = List.copyOf(rangeStarts);
        if (cols < 1) {
            throw new IllegalArgumentException("a matrix needs at least one column, got " + cols);
        }
        Wren.checkBlock(blockSize);
        if ((long) blockSize * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("one tile row of " + blockSize + " x " + cols + " values is too large; use a smaller block");
        }
        if (rangeStarts.size() < 2 || rangeStarts.get(0) != 0) {
            throw new IllegalArgumentException("range starts must begin at 0 and end with the row count, got " + rangeStarts);
        }
        for (int r = 1; r < rangeStarts.size(); r++) {
            if (rangeStarts.get(r) < rangeStarts.get(r - 1)) {
                throw new IllegalArgumentException("range starts must not decrease, got " + rangeStarts);
            }
        }
        if (rangeStarts.get(rangeStarts.size() - 1) < 1) {
            throw new IllegalArgumentException("a matrix needs at least one row; the ranges hold none");
        }
    }

    /** Row count: the rows of all ranges. */
    public long rows() {
        return rangeStarts.get(rangeStarts.size() - 1);
    }

    /** Number of row ranges. */
    public int ranges() {
        return rangeStarts.size() - 1;
    }

    /** First row of range {@code r}. */
    public long firstRow(int range) {
        checkRange(range);
        return rangeStarts.get(range);
    }

    /** Rows in range {@code r}. */
    public long rangeRows(int range) {
        checkRange(range);
        return rangeStarts.get(range + 1) - rangeStarts.get(range);
    }

    /** Tile rows two or more ranges share, ascending: the ones {@link #mergeTileRow} joins. */
    public List<Long> sharedTileRows() {
        var out = new ArrayList<Long>();
        for (int r = 1; r < ranges(); r++) {
            long s = rangeStarts.get(r);
            if (s % blockSize != 0 && s < rows()) {
                long t = s / blockSize;
                if (out.isEmpty() || out.get(out.size() - 1) != t) {
                    out.add(t);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * A writer of range {@code range}'s rows, through {@code session}, which must be on this
     * matrix's store; append exactly {@link #rangeRows} rows, then {@link RangeWriter#finish()}.
     */
    public RangeWriter writer(Wren session, int range) {
        requireNonNull(session, "session is null");
        checkRange(range);
        return new RangeWriter(session, this, firstRow(range), rangeRows(range));
    }

    /**
     * Writes tile {@code (i, j)} whole, as {@code rows x cols} column-major values; its shape must be
     * the one the matrix has there.
     *
     * @throws IllegalArgumentException if the tile is outside the matrix or of the wrong shape
     * @throws WrenException naming the tile if the store fails
     */
    public void writeTile(Wren session, long i, long j, int rows, int cols, double[] columnMajor) {
        requireNonNull(session, "session is null");
        requireNonNull(columnMajor, "columnMajor is null");
        Shape s = new Shape(rows(), cols());
        if (i < 0 || j < 0 || i >= s.tileRows(blockSize) || j >= s.tileCols(blockSize)) {
            throw new IllegalArgumentException("tile (" + i + ", " + j + ") is outside " + name + ", a " + s + " matrix in tiles of " + blockSize);
        }
        int er = (int) Math.min(blockSize, rows() - i * blockSize);
        int ec = (int) Math.min(blockSize, cols() - j * blockSize);
        if (rows != er || cols != ec || columnMajor.length != rows * cols) {
            throw new IllegalArgumentException("tile (" + i + ", " + j + ") of " + name + " is " + er + "x" + ec + ", got " + rows + "x" + cols
                    + " with " + columnMajor.length + " values");
        }
        TileIo.join(List.of(session.io().writeTile(TileKey.of(name, i, j), Tile.wrap(rows, cols, columnMajor.clone()))),
                "writing tile (" + i + ", " + j + ") of " + name);
    }

    /**
     * Joins shared tile row {@code tileRow} from the pieces its ranges wrote; call it once every
     * range that touches the tile row is written.
     *
     * @throws IllegalArgumentException if the tile row is not a shared one
     * @throws WrenException naming the piece if one is missing
     */
    public void mergeTileRow(Wren session, long tileRow) {
        requireNonNull(session, "session is null");
        if (!sharedTileRows().contains(tileRow)) {
            throw new IllegalArgumentException("tile row " + tileRow + " of " + name + " is not shared by two ranges");
        }
        long top = tileRow * blockSize;
        int height = (int) Math.min(blockSize, rows() - top);
        List<Integer> offsets = pieceOffsets(tileRow);
        for (long j = 0; j * blockSize < cols; j++) {
            int w = (int) Math.min(blockSize, cols - j * blockSize);
            var reads = new ArrayList<CompletableFuture<Tile>>();
            for (int off : offsets) {
                reads.add(session.io().readPiece(pieceKey(off, tileRow, j)));
            }
            double[] v = new double[height * w];
            for (int p = 0; p < offsets.size(); p++) {
                int off = offsets.get(p);
                int h = (p + 1 < offsets.size() ? offsets.get(p + 1) : height) - off;
                Tile piece = join(reads.get(p), "reading piece " + off + " of tile row " + tileRow + " of " + name);
                if (piece.rows() != h || piece.cols() != w) {
                    throw new WrenException("piece " + off + " of tile row " + tileRow + " of " + name + " is " + piece.rows() + "x" + piece.cols()
                            + ", expected " + h + "x" + w);
                }
                double[] pv = piece.values();
                for (int c = 0; c < w; c++) {
                    System.arraycopy(pv, c * h, v, c * height + off, h);
                }
            }
            TileIo.join(List.of(session.io().writeTile(TileKey.of(name, tileRow, j), Tile.wrap(height, w, v))),
                    "writing tile (" + tileRow + ", " + j + ") of " + name);
        }
    }

    /**
     * Records the matrix (after every range is written and every shared tile row merged), deletes
     * the pieces, and returns it as a matrix of {@code session}.
     *
     * @param columnNames one per column, or empty for none
     * @throws IllegalArgumentException if the names do not fit
     */
    public BlockMatrix finish(Wren session, List<String> columnNames) {
        requireNonNull(session, "session is null");
        requireNonNull(columnNames, "columnNames is null");
        if (!columnNames.isEmpty() && columnNames.size() != cols) {
            throw new IllegalArgumentException(columnNames.size() + " column names for a matrix of " + cols + " columns");
        }
        Leaf leaf = new Leaf(name, new Shape(rows(), cols), blockSize, false);
        session.recordWritten(leaf, List.copyOf(columnNames));
        if (!sharedTileRows().isEmpty()) {
            session.io().deleteStored(piecesName());
        }
        return new BlockMatrix(session, leaf);
    }

    /** Deletes whatever was written of the matrix and its pieces (after a failed write). */
    public void delete(Wren session) {
        requireNonNull(session, "session is null");
        session.io().deleteStored(piecesName());
        session.io().deleteStored(name);
    }

    /** Where range writers put the parts of shared tile rows: beside the matrix, not inside it. */
    String piecesName() {
        return name + "-pieces";
    }

    /** A piece of tile row {@code t}, column {@code j}, starting {@code offset} rows into the tile row. */
    TileKey pieceKey(int offset, long tileRow, long j) {
        return new TileKey(piecesName(), offset, tileRow, j);
    }

    /** Offsets within tile row {@code t} at which its pieces start, ascending, the first 0. */
    private List<Integer> pieceOffsets(long tileRow) {
        long top = tileRow * blockSize;
        long bottom = Math.min(top + blockSize, rows());
        var out = new ArrayList<Integer>();
        out.add(0);
        for (long s : rangeStarts) {
            if (s > top && s < bottom && out.get(out.size() - 1) != (int) (s - top)) {
                out.add((int) (s - top));
            }
        }
        return out;
    }

    private void checkRange(int range) {
        if (range < 0 || range >= ranges()) {
            throw new IllegalArgumentException("range " + range + " of " + name + " does not exist; it has " + ranges());
        }
    }

    private static <T> T join(CompletableFuture<T> f, String what) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw Errors.io(what, e.getCause() == null ? e : e.getCause());
        }
    }
}
