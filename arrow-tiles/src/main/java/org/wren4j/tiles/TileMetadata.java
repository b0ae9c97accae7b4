package org.wren4j.tiles;

import java.util.LinkedHashMap;
import java.util.Map;

/** The schema metadata of an encoded tile, parsed and checked; messages name the tile. */
record TileMetadata(int rows, int cols, DType dtype, int crc32c) {
    static final String FORMAT_VERSION = "1";
    static final String KEY_FORMAT = "wren4j.format";
    static final String KEY_ROWS = "wren4j.rows";
    static final String KEY_COLS = "wren4j.cols";
    static final String KEY_LAYOUT = "wren4j.layout";
    static final String KEY_DTYPE = "wren4j.dtype";
    static final String KEY_CRC = "wren4j.crc32c";
    static final String LAYOUT = "column-major";

    long count() {
        return (long) rows * cols;
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
        m.put(KEY_LAYOUT, LAYOUT);
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
        if (!LAYOUT.equals(meta.get(KEY_LAYOUT))) {
            throw new CorruptTileException(where(key) + "unsupported layout " + meta.get(KEY_LAYOUT) + " (expected " + LAYOUT + ")");
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
        return new TileMetadata(rows, cols, dtype, (int) crcValue);
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
            throw new CorruptTileException(where(key) + "wrong shape: metadata says " + rows + "x" + cols + " (" + count()
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
