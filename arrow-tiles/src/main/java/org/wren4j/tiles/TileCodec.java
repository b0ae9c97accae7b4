package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;
import static org.wren4j.tiles.TileMetadata.where;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Encodes a tile as one Arrow IPC stream: a single non-null Float64 (or Float32) column holding
 * the values in column-major order, with schema metadata {@code wren4j.format} (version),
 * {@code wren4j.rows}, {@code wren4j.cols}, {@code wren4j.layout}, {@code wren4j.dtype} and
 * {@code wren4j.crc32c} (of the little-endian value bytes, 8 hex digits). A square tile that is
 * exactly triangular or symmetric is stored packed, its layout then {@code lower-packed},
 * {@code upper-packed} or {@code symmetric-lower-packed}: the column holds the triangle column
 * by column, about half the bytes (see {@link TileLayout}). Any Arrow reader can read a tile;
 * decoding checks version, layout, shape and checksum and returns the dense tile. Equal tiles
 * encode to equal bytes in every process. Thread-safe.
 *
 * <p>The canonical stream is written and read in place on the heap with one copy of the values
 * (the checksum is computed during that copy); other valid Arrow streams, e.g. several record
 * batches written by another tool, are read through Arrow vectors in off-heap memory owned by a
 * child allocator that is closed before the call returns.
 */
public final class TileCodec {
    public static final String FORMAT_VERSION = TileMetadata.FORMAT_VERSION;

    private TileCodec() {
    }

    /** Encodes {@code tile} as float64. */
    public static byte[] encode(Tile tile) {
        return encode(tile, DType.FLOAT64);
    }

    /**
     * Encodes {@code tile} with elements of {@code dtype} (float32 narrows each value).
     *
     * @throws TileException if the encoded tile would not fit in one array (about 2 GiB)
     */
    public static byte[] encode(Tile tile, DType dtype) {
        requireNonNull(tile, "tile is null");
        requireNonNull(dtype, "dtype is null");
        return TileIpcWriter.encode(tile, dtype);
    }

    /**
     * Decodes a tile stored under {@code key}.
     *
     * @throws CorruptTileException naming {@code key} if the bytes are truncated, fail the checksum,
     *     disagree with their shape, have an unknown format version, or are not Arrow IPC
     */
    public static Tile decode(TileKey key, byte[] data) {
        requireNonNull(key, "key is null");
        requireNonNull(data, "data is null");
        Tile tile;
        try {
            tile = TileIpcReader.decode(key, data);
        } catch (CorruptTileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CorruptTileException(where(key) + "cannot decode " + data.length + " bytes (corrupted header): " + e, e);
        }
        return tile != null ? tile : Arrow.CODEC.decode(key, data);
    }

    /** Decodes and checks that the tile has the shape the caller expects. */
    public static Tile decode(TileKey key, byte[] data, int expectedRows, int expectedCols) {
        Tile tile = decode(key, data);
        if (tile.rows() != expectedRows || tile.cols() != expectedCols) {
            throw new CorruptTileException(where(key) + "wrong shape: stored tile is " + tile.rows() + "x" + tile.cols()
                    + " but the matrix layout expects " + expectedRows + "x" + expectedCols
                    + " (the tile was written for another block shape, or under the wrong key)");
        }
        return tile;
    }

    /** Off-heap bytes held by the shared allocator of the Arrow path; zero between calls unless Arrow leaked. */
    static long arrowBytesInUse() {
        return Arrow.ROOT.getAllocatedMemory();
    }

    /** Created on first use so the in-place path never starts Arrow's memory subsystem. */
    private static final class Arrow {
        static final BufferAllocator ROOT = new RootAllocator();
        static final ArrowTileCodec CODEC = new ArrowTileCodec(ROOT);
    }
}
