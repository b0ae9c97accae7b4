package org.wren4j.tiles;

/**
 * A store could not be reached or kept failing transiently until the retry policy gave up. The
 * message names the store, the operation and key, and what was tried (attempts, elapsed time);
 * the last failure is the cause and earlier ones are suppressed.
 */
public class StoreUnavailableException extends TileException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
