package org.wren4j.exec.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;

/**
 * Decoded tiles recently read or written by this process, least recently used evicted first,
 * bounded in bytes. Tiles are written once, so a cached tile can never be stale.
 */
public final class TileCache {
    private final long capacityBytes;
    private final LinkedHashMap<TileKey, Tile> tiles = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    public TileCache(long capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
    }

    /** A cache of {@code fraction} of the maximum heap. */
    public static TileCache ofHeapFraction(double fraction) {
        return new TileCache((long) (Runtime.getRuntime().maxMemory() * fraction));
    }

    public synchronized Tile get(TileKey key) {
        Tile t = tiles.get(key);
        if (t == null) {
            misses++;
        } else {
            hits++;
        }
        return t;
    }

    public synchronized void put(TileKey key, Tile tile) {
        if (tile.sizeBytes() > capacityBytes / 4) {
            return; // one huge tile must not flush everything else
        }
        Tile old = tiles.put(key, tile);
        bytes += tile.sizeBytes() - (old == null ? 0 : old.sizeBytes());
        var it = tiles.entrySet().iterator();
        while (bytes > capacityBytes && it.hasNext()) {
            Map.Entry<TileKey, Tile> e = it.next();
            bytes -= e.getValue().sizeBytes();
            it.remove();
        }
    }

    /** Drops the tile of {@code key} (it was deleted from the store). */
    public synchronized void evict(TileKey key) {
        Tile t = tiles.remove(key);
        if (t != null) {
            bytes -= t.sizeBytes();
        }
    }

    /** Drops every tile of {@code matrix} (its tiles were deleted from the store). */
    public synchronized void evictMatrix(String matrix) {
        var it = tiles.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<TileKey, Tile> e = it.next();
            if (e.getKey().matrix().equals(matrix)) {
                bytes -= e.getValue().sizeBytes();
                it.remove();
            }
        }
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    public synchronized long sizeBytes() {
        return bytes;
    }
}
