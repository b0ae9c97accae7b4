package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Structure;
import org.wren4j.tiles.StoreCapacity;
import org.wren4j.tiles.StoredTiles;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;
import org.wren4j.tiles.TileStore;

/** The matrices a session makes from nothing or from an array, written tile by tile into its store. */
final class MatrixSources {
    private final Wren session;
    private final TileStore store;
    private final ExecutorService clientIo;
    private final int parallelism;
    private final MatrixCatalog catalog;

    MatrixSources(Wren session, TileStore store, ExecutorService clientIo, int parallelism, MatrixCatalog catalog) {
        this.session = session;
        this.store = store;
        this.clientIo = clientIo;
        this.parallelism = parallelism;
        this.catalog = catalog;
    }

    BlockMatrix fromArray(double[][] a, int blockSize) {
        requireNonNull(a, "a is null");
        Wren.checkBlock(blockSize);
        if (a.length == 0 || a[0] == null || a[0].length == 0) {
            throw new IllegalArgumentException("fromArray: the array is empty");
        }
        for (int r = 0; r < a.length; r++) {
            if (a[r] == null || a[r].length != a[0].length) {
                throw new IllegalArgumentException("fromArray: row " + r + " has " + (a[r] == null ? "no" : a[r].length)
                        + " columns, row 0 has " + a[0].length + ": the array must be rectangular");
            }
        }
        Shape shape = new Shape(a.length, a[0].length);
        return store(shape, blockSize, "fromArray", (i, j, rows, cols) -> Tile.copyOf(a, (int) (i * blockSize), (int) (j * blockSize), rows, cols));
    }

    BlockMatrix random(long rows, long cols, int blockSize, long seed) {
        Wren.checkBlock(blockSize);
        return store(new Shape(rows, cols), blockSize, "random seed " + seed, (i, j, r, c) -> TileGenerator.uniformTile(seed, i, j, r, c));
    }

    BlockMatrix randomSpd(long n, int blockSize, long seed) {
        Wren.checkBlock(blockSize);
        return store(new Shape(n, n), blockSize, Structure.SPD, "randomSpd seed " + seed, (i, j, r, c) -> TileGenerator.spdTile(seed, n, i, j, r, c));
    }

    BlockMatrix eye(long n, int blockSize) {
        Wren.checkBlock(blockSize);
        return store(new Shape(n, n), blockSize, Structure.SPD, "eye", (i, j, r, c) -> {
            Tile t = Tile.zeros(r, c);
            if (i == j) {
                for (int d = 0; d < r; d++) {
                    t.values()[d * r + d] = 1;
                }
            }
            return t;
        });
    }

    BlockMatrix zeros(long rows, long cols, int blockSize) {
        Wren.checkBlock(blockSize);
        return store(new Shape(rows, cols), blockSize, "zeros", (i, j, r, c) -> Tile.zeros(r, c));
    }

    BlockMatrix full(long rows, long cols, double value, int blockSize) {
        Wren.checkBlock(blockSize);
        return store(new Shape(rows, cols), blockSize, "full " + value, (i, j, r, c) -> {
            double[] v = new double[r * c];
            java.util.Arrays.fill(v, value);
            return Tile.wrap(r, c, v);
        });
    }

    @FunctionalInterface
    interface TileSource {
        Tile tile(long i, long j, int rows, int cols);
    }

    private BlockMatrix store(Shape shape, int block, String origin, TileSource source) {
        return store(shape, block, Structure.GENERAL, origin, source);
    }

    private BlockMatrix store(Shape shape, int block, Structure structure, String origin, TileSource source) {
        checkFitsInMemory(shape);
        try {
            StoreCapacity.require(store.objects(), StoreCapacity.storedBytes(shape.rows(), shape.cols(), block, StoredTiles.ALL),
                    "making a " + shape + " matrix (" + origin + ")");
        } catch (StoreCapacity.StoreFullException e) {
            throw Errors.storeFull(e);
        }
        Leaf leaf = new Leaf(session.newName(), shape, block, structure);
        long tr = shape.tileRows(block);
        long tc = shape.tileCols(block);
        var window = TileWindow.forTiles(block, parallelism, "storing " + leaf.name());
        for (long i = 0; i < tr; i++) {
            for (long j = 0; j < tc; j++) {
                long ti = i;
                long tj = j;
                int rows = (int) Math.min(block, shape.rows() - i * block);
                int cols = (int) Math.min(block, shape.cols() - j * block);
                window.submit(() -> CompletableFuture.supplyAsync(() -> source.tile(ti, tj, rows, cols), clientIo)
                        .thenCompose(t -> store.write(TileKey.of(leaf.name(), ti, tj), t)));
            }
        }
        window.finish();
        catalog.recordGenerated(leaf, origin, List.of());
        return new BlockMatrix(session, leaf);
    }

    /**
     * A matrix held by the in-memory tile store lives on this JVM's heap: refuse one that cannot
     * fit at once, instead of failing with an OutOfMemoryError half-way through.
     */
    private void checkFitsInMemory(Shape shape) {
        if (!(store.objects() instanceof org.wren4j.tiles.MemoryObjectStore)) {
            return;
        }
        double bytes = (double) shape.rows() * shape.cols() * Double.BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > 0.5 * heap) {
            throw new WrenException(String.format("a %s matrix needs %.1f GB in the in-memory tile store, more than half of this "
                    + "JVM's %.1f GB heap: use a tile store outside the heap (Wren.builder().storeDirectory(dir), CLI --store DIR), "
                    + "a larger heap (-Xmx, or WREN4J_JAVA_OPTS for bin/wren4j), or a smaller matrix", shape, bytes / 1e9, heap / 1e9));
        }
    }

}
