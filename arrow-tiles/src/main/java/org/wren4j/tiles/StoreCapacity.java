package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.OptionalLong;
import org.wren4j.spi.ObjectStore;

/**
 * Refuses work whose tiles cannot fit in their store before any is written: a job that would die
 * hours in with a full disk or an exhausted heap fails at once instead, naming what it needs.
 * Only stores that know their room ({@link ObjectStore#usableBytes()}) are checked.
 */
public final class StoreCapacity {
    /** A tile's bytes beyond its doubles (Arrow IPC framing, metadata), rounded up. */
    public static final long TILE_OVERHEAD_BYTES = 1024;

    private StoreCapacity() {
    }

    /** The bytes of a float64 matrix's stored tiles (absent and mirrored tiles excluded), framing included. */
    public static long storedBytes(long rows, long cols, int blockSize, StoredTiles stored) {
        requireNonNull(stored, "stored is null");
        if (rows <= 0 || cols <= 0 || blockSize <= 0) {
            return 0;
        }
        long tileRows = ceilDiv(rows, blockSize);
        long tileCols = ceilDiv(cols, blockSize);
        long elements = 0;
        long tiles = 0;
        for (long i = 0; i < tileRows; i++) {
            long height = Math.min(blockSize, rows - i * blockSize);
            long from = stored == StoredTiles.UPPER_TRIANGLE ? Math.min(i, tileCols) : 0;
            long to = stored == StoredTiles.ALL || stored == StoredTiles.UPPER_TRIANGLE ? tileCols : Math.min(i + 1, tileCols);
            if (to > from) {
                long width = Math.min(to * blockSize, cols) - from * blockSize;
                elements += height * width;
                tiles += to - from;
            }
        }
        return elements * Double.BYTES + tiles * TILE_OVERHEAD_BYTES;
    }

    /**
     * @param what the work, e.g. {@code "cholesky of A (its result)"}
     * @throws StoreFullException if {@code store} says it has less room than {@code bytes}
     */
    public static void require(ObjectStore store, long bytes, String what) {
        OptionalLong usable = store.usableBytes();
        if (usable.isPresent() && bytes > usable.getAsLong()) {
            boolean memory = store.describe().equals("memory");
            throw new StoreFullException(what + " needs " + human(bytes) + " in the tile store (" + store.describe() + "), which has "
                    + human(usable.getAsLong()) + (memory ? " of heap left; store tiles in a directory (Wren.builder().storeDirectory(dir),"
                    + " --store DIR) or give the JVM more heap (-Xmx)" : " free; free some space there or use a store with more room"));
        }
    }

    static String human(long bytes) {
        if (bytes < 1L << 20) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Work refused before it started because its tiles cannot fit in the store. Permanent. */
    public static final class StoreFullException extends TileException {
        public StoreFullException(String message) {
            super(message);
        }
    }
}
