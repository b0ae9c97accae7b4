package org.wren4j.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Shape;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;
import org.wren4j.tiles.TileStore;

/**
 * The client side's tile traffic: reading stored matrices into arrays (structure-implied zero
 * tiles and mirrored symmetric tiles included) and joining batches of asynchronous writes with
 * one error that names what failed.
 */
final class TileIo {
    private final TileStore store;
    private final PlanRunner runner;
    private final Executor clientIo;

    TileIo(TileStore store, PlanRunner runner, Executor clientIo) {
        this.store = store;
        this.runner = runner;
        this.clientIo = clientIo;
    }

    CompletableFuture<Void> writeTile(TileKey key, Tile tile) {
        return store.write(key, tile).toCompletableFuture();
    }

    /** A tile read as stored, whatever its shape: a piece of a {@link SharedMatrix}. */
    CompletableFuture<Tile> readPiece(TileKey key) {
        return store.read(key).toCompletableFuture();
    }

    void deleteStored(String name) {
        store.deleteMatrix(name).toCompletableFuture().join();
    }

    /** Hands every tile row of {@code leaf} to {@code consumer}, top to bottom, one in memory at a time. */
    void forEachRowBlock(Leaf leaf, java.util.function.ObjLongConsumer<double[][]> consumer) {
        long tileRows = leaf.shape().tileRows(leaf.blockSize());
        for (long i = 0; i < tileRows; i++) {
            consumer.accept(readTileRow(leaf, i), i * leaf.blockSize());
        }
    }

    /** Reads tile row {@code i} of {@code leaf} as row-major rows. */
    double[][] readTileRow(Leaf leaf, long i) {
        Shape s = leaf.shape();
        int b = leaf.blockSize();
        int rows = (int) Math.min(b, s.rows() - i * b);
        if (s.cols() > Integer.MAX_VALUE - 8) {
            throw new WrenException("matrix " + s + " has too many columns to read by rows");
        }
        double[][] out = new double[rows][(int) s.cols()];
        MatrixBinding binding = binding(leaf);
        var reads = new ArrayList<CompletableFuture<Void>>();
        for (long j = 0; j < s.tileCols(b); j++) {
            if (binding.storedTiles().isZeroTile(i, j)) {
                continue;
            }
            int c0 = (int) (j * b);
            reads.add(readTile(leaf, binding, i, j).thenAccept(t -> t.copyInto(out, 0, c0)));
        }
        join(reads, "reading " + leaf.name());
        return out;
    }

    /** Tile (i, j) of a stored matrix as row-major rows. */
    double[][] readTile(Leaf leaf, long i, long j) {
        MatrixBinding binding = binding(leaf);
        Tile t = readTile(leaf, binding, i, j).join();
        double[][] out = new double[t.rows()][t.cols()];
        t.copyInto(out, 0, 0);
        return out;
    }

    private MatrixBinding binding(Leaf leaf) {
        return new MatrixBinding(leaf.name(), leaf.shape().rows(), leaf.shape().cols(), leaf.blockSize(), runner.layout(leaf));
    }

    /** Tile (i, j) of a stored matrix: read, implied zero, or the transpose of the stored (j, i). */
    private CompletableFuture<Tile> readTile(Leaf leaf, MatrixBinding binding, long i, long j) {
        if (binding.storedTiles().isZeroTile(i, j)) {
            return CompletableFuture.completedFuture(Tile.zeros(binding.tileRows(i), binding.tileCols(j)));
        }
        if (binding.storedTiles().isMirroredTile(i, j)) {
            return store.read(TileKey.of(leaf.name(), j, i)).toCompletableFuture().thenApply(Tile::transpose);
        }
        return store.read(TileKey.of(leaf.name(), i, j)).toCompletableFuture();
    }

    /** Reads every tile of {@code leaf} (in parallel) into a column-major array. */
    double[] readColumnMajor(Leaf leaf) {
        Shape s = leaf.shape();
        if (s.rows() * s.cols() > Integer.MAX_VALUE - 8) {
            throw new WrenException("matrix " + s + " has too many elements for one Java array; read it tile by tile");
        }
        int rows = (int) s.rows();
        double[] out = new double[(int) (s.rows() * s.cols())];
        int b = leaf.blockSize();
        MatrixBinding binding = binding(leaf);
        var reads = new ArrayList<CompletableFuture<Void>>();
        for (long i = 0; i < s.tileRows(b); i++) {
            for (long j = 0; j < s.tileCols(b); j++) {
                if (binding.storedTiles().isZeroTile(i, j)) {
                    continue;
                }
                int r0 = (int) (i * b);
                int c0 = (int) (j * b);
                reads.add(readTile(leaf, binding, i, j).thenAcceptAsync(t -> {
                    double[] v = t.values();
                    for (int c = 0; c < t.cols(); c++) {
                        System.arraycopy(v, c * t.rows(), out, (c0 + c) * rows + r0, t.rows());
                    }
                }, clientIo));
            }
        }
        join(reads, "reading " + leaf.name());
        return out;
    }

    static void join(List<CompletableFuture<Void>> futures, String what) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw Errors.io(what, cause);
        }
    }


    /** A column-major array of {@code rows x cols} values as rows. */
    static double[][] rowMajor(double[] columnMajor, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                out[r][c] = columnMajor[c * rows + r];
            }
        }
        return out;
    }
}
