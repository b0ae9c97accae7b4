package org.wren4j.tiles;

/** Root of the tile layer's errors; the message names the matrix and tile concerned. */
public class TileException extends RuntimeException {
    public TileException(String message) {
        super(message);
    }

    public TileException(String message, Throwable cause) {
        super(message, cause);
    }
}
