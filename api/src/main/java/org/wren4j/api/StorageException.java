package org.wren4j.api;

/**
 * Tiles could not be read or written (a missing or corrupt tile, a store that kept failing after
 * retries). Nothing finished is lost: a later attempt can go on from the stored tiles.
 */
public final class StorageException extends WrenException {
    public StorageException(String message, String detail, Throwable cause) {
        super(message, detail, cause);
    }
}
