package org.wren4j.api;

/**
 * Root of the errors wren4j reports to users. The message is one line in the user's terms (the
 * matrix by the name it was saved or loaded under, or the operation that made it; the operation;
 * the tile); {@link #detail()} keeps the whole technical account (program task, stored tiles) for
 * a bug report, and the cause is kept. Subtypes exist where a caller acts differently:
 * {@link ShapeException}, {@link SingularMatrixException}, {@link NonFiniteException},
 * {@link StorageException}, {@link ServiceUnavailableException}, {@link JobFailedException}.
 */
public class WrenException extends RuntimeException {
    private final String detail;

    public WrenException(String message) {
        this(message, message, null);
    }

    public WrenException(String message, Throwable cause) {
        this(message, message, cause);
    }

    /** @param detail the whole technical account, when it says more than the message */
    public WrenException(String message, String detail, Throwable cause) {
        super(message, cause);
        this.detail = detail == null ? message : detail;
    }

    /** The whole technical account of the failure (the message when there is nothing more to say). */
    public String detail() {
        return detail;
    }
}
