package org.wren4j.tiles;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * Where a tile lives in the object store. S3 scales request rates per key prefix, so the
 * default {@link #HASHED} layout puts each tile under one of 256 sub-prefixes chosen by a hash
 * of its key; all tiles of a matrix still share the prefix {@code <prefix>/<matrix>/}, so a
 * matrix is listed and deleted with one listing.
 */
public enum KeyLayout {
    /** {@code <prefix>/<matrix>/<i>_<j>[_<k>...]}. */
    FLAT(Pattern.compile("\\d+(_\\d+)+")),
    /** {@code <prefix>/<matrix>/<hh>/<i>_<j>[_<k>...]}, {@code hh} two hex digits of CRC32C(path). */
    HASHED(Pattern.compile("[0-9a-f]{2}/\\d+(_\\d+)+"));

    private final Pattern tileSuffix;

    KeyLayout(Pattern tileSuffix) {
        this.tileSuffix = tileSuffix;
    }

    String tileKey(String base, TileKey key) {
        String path = key.path();
        if (this == FLAT) {
            return base + path;
        }
        int slash = path.lastIndexOf('/');
        var crc = new CRC32C();
        crc.update(path.getBytes(StandardCharsets.UTF_8));
        return base + path.substring(0, slash + 1) + String.format("%02x", crc.getValue() >>> 24) + path.substring(slash);
    }

    /** Whether {@code suffix}, the part of an object key after {@code <prefix>/<matrix>/}, is one of that matrix's tiles. */
    boolean isTileSuffix(String suffix) {
        return tileSuffix.matcher(suffix).matches();
    }
}
