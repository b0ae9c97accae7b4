package org.wren4j.tiles;

/** Root of the tile layer's errors; the message names the matrix and tile concerned. */
public class TileException extends RuntimeException {
    public TileException(String message) {
        super(message);
    }

    public TileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code error} or one of its causes is a tile-layer error: storage is to blame. */
    public static boolean isIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TileException) {
                return true;
            }
        }
        return false;
    }
}
