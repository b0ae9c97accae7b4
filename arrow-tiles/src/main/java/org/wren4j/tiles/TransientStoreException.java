package org.wren4j.tiles;

/**
 * A store operation failed in a way that may succeed if repeated unchanged: throttling, a 5xx
 * answer, a timeout or a dropped connection, or a fault injected by
 * {@link FaultInjectingObjectStore}. Callers may retry it (see {@link RetryPolicy}); every other
 * {@link TileException} is permanent.
 */
public class TransientStoreException extends TileException {
    public TransientStoreException(String message) {
        super(message);
    }

    public TransientStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
