package org.wren4j.tiles;

import java.util.LinkedHashMap;
import java.util.Map;

/** The schema metadata of an encoded tile, parsed and checked; messages name the tile. */
record TileMetadata(int rows, int cols, DType dtype, int crc32c, TileLayout layout) {
    static final String FORMAT_VERSION = "1";
    static final String KEY_FORMAT = "wren4j.format";
    static final String KEY_ROWS = "wren4j.rows";
    static final String KEY_COLS = "wren4j.cols";
    static final String KEY_LAYOUT = "wren4j.layout";
    static final String KEY_DTYPE = "wren4j.dtype";
    static final String KEY_CRC = "wren4j.crc32c";

    /** How many values the stream holds (fewer than {@code rows * cols} for a packed layout). */
    long count() {
        return layout.storedCount(rows, cols);
    }

    /** The dense tile of the {@link #count()} values the stream held. */
    Tile tile(double[] stored) {
        return stored.length == 0 ? Tile.empty(rows, cols) : Tile.wrap(rows, cols, layout.unpack(stored, rows));
    }

    /**
     * Insertion-ordered so equal tiles encode to equal bytes in every process (write-once
     * comparison depends on it). The checksum is 8 hex digits so the header length does not
     * depend on the checksum value.
     */
    Map<String, String> toMap() {
        var m = new LinkedHashMap<String, String>();
        m.put(KEY_FORMAT, FORMAT_VERSION);
        m.put(KEY_ROWS, Integer.toString(rows));
        m.put(KEY_COLS, Integer.toString(cols));
        m.put(KEY_LAYOUT, layout.label);
        m.put(KEY_DTYPE, dtype.label());
        m.put(KEY_CRC, String.format("%08x", crc32c));
        return m;
    }

    /** @throws CorruptTileException naming {@code key} for a missing, unknown or malformed entry */
    static TileMetadata parse(TileKey key, Map<String, String> meta) {
        String version = meta == null ? null : meta.get(KEY_FORMAT);
        if (version == null) {
            throw new CorruptTileException(where(key) + "not a wren4j tile (no " + KEY_FORMAT + " metadata)");
        }
        if (!FORMAT_VERSION.equals(version)) {
            throw new CorruptTileException(where(key) + "unknown tile format version " + version + " (this build reads " + FORMAT_VERSION
                    + "); upgrade wren4j to read it");
        }
        TileLayout layout = TileLayout.fromLabel(meta.get(KEY_LAYOUT));
        if (layout == null) {
            throw new CorruptTileException(where(key) + "unsupported layout " + meta.get(KEY_LAYOUT) + " (this build reads "
                    + java.util.Arrays.stream(TileLayout.values()).map(l -> l.label).collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        DType dtype;
        try {
            // Tiles written before the dtype entry existed are float64.
            dtype = DType.fromLabel(meta.getOrDefault(KEY_DTYPE, DType.FLOAT64.label()));
        } catch (IllegalArgumentException e) {
            throw new CorruptTileException(where(key) + e.getMessage());
        }
        int rows = dimension(key, meta, KEY_ROWS);
        int cols = dimension(key, meta, KEY_COLS);
        if (layout != TileLayout.DENSE && rows != cols) {
            throw new CorruptTileException(where(key) + "layout " + layout.label + " needs a square tile, metadata says " + rows + "x" + cols);
        }
        String crc = meta.get(KEY_CRC);
        long crcValue;
        try {
            crcValue = Long.parseLong(crc, 16);
        } catch (NumberFormatException | NullPointerException e) {
            crcValue = -1;
        }
        if (crcValue < 0 || crcValue > 0xFFFF_FFFFL) {
            throw new CorruptTileException(where(key) + "malformed checksum metadata '" + crc + "'");
        }
        return new TileMetadata(rows, cols, dtype, (int) crcValue, layout);
    }

    private static int dimension(TileKey key, Map<String, String> meta, String name) {
        String s = meta.get(name);
        try {
            int v = Integer.parseInt(s);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CorruptTileException(where(key) + "malformed " + name + " metadata '" + s + "'");
    }

    void checkCount(TileKey key, long values) {
        if (values != count()) {
            throw new CorruptTileException(where(key) + "wrong shape: metadata says " + rows + "x" + cols + " " + layout.label + " (" + count()
                    + " values) but the stream holds " + values + " values");
        }
    }

    void checkCrc(TileKey key, int computed) {
        if (computed != crc32c) {
            throw new CorruptTileException(String.format("%schecksum mismatch (stored %08x, computed %08x): the bytes are corrupted",
                    where(key), crc32c, computed));
        }
    }

    static String where(TileKey key) {
        return "tile " + key + " of matrix " + key.matrix() + ": ";
    }
}
