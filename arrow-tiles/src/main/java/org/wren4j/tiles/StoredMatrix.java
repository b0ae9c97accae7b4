package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The tiles of one matrix described by a {@link MatrixManifest}: writes and reads check tile
 * indices against the grid and tile shapes against the block shape (ragged at the edges), so a
 * tile written for another blocking is caught by name. Obtained from {@link TileStore#matrix}.
 */
public final class StoredMatrix {
    private final TileStore store;
    private final MatrixManifest manifest;

    StoredMatrix(TileStore store, MatrixManifest manifest) {
        this.store = requireNonNull(store, "store is null");
        this.manifest = requireNonNull(manifest, "manifest is null");
    }

    public MatrixManifest manifest() {
        return manifest;
    }

    /**
     * Writes tile {@code (i, j)} once.
     *
     * @throws IllegalArgumentException naming the matrix and tile if the index is off the grid or the shape is wrong
     */
    public CompletionStage<Void> write(long i, long j, Tile tile, long... versions) {
        TileKey key = manifest.tileKey(i, j, versions);
        int rows = manifest.tileRows(i);
        int cols = manifest.tileCols(j);
        if (tile.rows() != rows || tile.cols() != cols) {
            throw new IllegalArgumentException("tile " + key + " of matrix " + manifest.name() + ": wrong shape " + tile.rows() + "x"
                    + tile.cols() + ", expected " + rows + "x" + cols + " for " + manifest.describeLayout());
        }
        return store.write(key, tile, manifest.dtype());
    }

    /** Reads tile {@code (i, j)}, checking it has the shape the manifest implies. */
    public CompletionStage<Tile> read(long i, long j, long... versions) {
        return store.read(manifest.tileKey(i, j, versions), manifest.tileRows(i), manifest.tileCols(j));
    }

    /** Splits a row-major array of the matrix's shape into tiles and writes them all. */
    public CompletionStage<Void> writeAll(double[][] a) {
        requireNonNull(a, "a is null");
        if (a.length != manifest.rows() || (a.length > 0 && a[0].length != manifest.cols())) {
            throw new IllegalArgumentException("matrix " + manifest.name() + " is " + manifest.rows() + "x" + manifest.cols()
                    + " but the array is " + a.length + "x" + (a.length == 0 ? 0 : a[0].length));
        }
        var writes = new ArrayList<CompletableFuture<Void>>();
        for (long i = 0; i < manifest.gridRows(); i++) {
            for (long j = 0; j < manifest.gridCols(); j++) {
                Tile t = Tile.copyOf(a, (int) (i * manifest.blockRows()), (int) (j * manifest.blockCols()), manifest.tileRows(i),
                        manifest.tileCols(j));
                writes.add(write(i, j, t).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    /** Reads every tile into a row-major array; fails on the first missing or corrupt tile. */
    public CompletionStage<double[][]> readAll() {
        double[][] out = new double[(int) manifest.rows()][(int) manifest.cols()];
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (long i = 0; i < manifest.gridRows(); i++) {
            for (long j = 0; j < manifest.gridCols(); j++) {
                int r0 = (int) (i * manifest.blockRows());
                int c0 = (int) (j * manifest.blockCols());
                reads.add(read(i, j).thenAccept(t -> t.copyInto(out, r0, c0)).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> out);
    }

    @Override
    public String toString() {
        return "StoredMatrix[" + manifest.name() + ": " + manifest.describeLayout() + " in " + store.describe() + "]";
    }
}
