package org.wren4j.api;

/**
 * A NaN or an infinity reached an operation that refuses them (factorizations and solves), or a
 * kernel overflowed from finite inputs. The message names the matrix, the element and the tile.
 */
public final class NonFiniteException extends WrenException {
    public NonFiniteException(String message, String detail, Throwable cause) {
        super(message, detail, cause);
    }
}
