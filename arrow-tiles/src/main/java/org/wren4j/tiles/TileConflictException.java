package org.wren4j.tiles;

/** A write-once tile (or a matrix manifest) already exists with different contents. */
public class TileConflictException extends TileException {
    public TileConflictException(TileKey key) {
        super("tile " + key + " of matrix " + key.matrix() + " already exists with different contents (tiles are written once)");
    }

    /** A conflict described by {@code message}, e.g. a matrix created twice with different layouts. */
    public TileConflictException(String message) {
        super(message);
    }
}
