package org.wren4j.api;

/**
 * Shapes or block sizes that do not fit the operation (e.g. {@code matmul} of 3x4 and 5x2), found
 * when the expression is written, before anything runs. The message gives both shapes and the fix.
 */
public final class ShapeException extends WrenException {
    public ShapeException(String message) {
        super(message);
    }

    public ShapeException(String message, Throwable cause) {
        super(message, cause);
    }
}
