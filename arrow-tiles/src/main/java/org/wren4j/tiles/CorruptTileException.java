package org.wren4j.tiles;

/** The bytes stored for a tile do not decode to a valid tile (truncated, checksum mismatch, wrong shape, unknown version). */
public class CorruptTileException extends TileException {
    public CorruptTileException(String message) {
        super(message);
    }

    public CorruptTileException(String message, Throwable cause) {
        super(message, cause);
    }
}
