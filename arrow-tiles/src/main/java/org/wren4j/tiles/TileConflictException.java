package org.wren4j.tiles;

/** A write-once tile already exists with different contents. */
public class TileConflictException extends TileException {
    public TileConflictException(TileKey key) {
        super("tile " + key + " already exists with different contents (tiles are written once)");
    }
}
