package org.wren4j.api;

/** Root of the errors wren4j reports to users: a failed job, bad input, a missing matrix. */
public class WrenException extends RuntimeException {
    public WrenException(String message) {
        super(message);
    }

    public WrenException(String message, Throwable cause) {
        super(message, cause);
    }
}
