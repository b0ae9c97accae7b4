package org.wren4j.exec.queue;

import static java.util.Objects.requireNonNull;

/**
 * A leased message: invisible to other consumers until the lease expires, is renewed, or the
 * message is acknowledged. {@code deliveries} counts deliveries including this one.
 */
public record Lease(TaskMessage message, String receipt, int deliveries) {
    public Lease {
        requireNonNull(message, "message is null");
        requireNonNull(receipt, "receipt is null");
    }
}
