package org.wren4j.exec.queue;

/** A lease expired or was acknowledged before it could be renewed. */
public final class LeaseLostException extends RuntimeException {
    public LeaseLostException(String message) {
        super(message);
    }
}
