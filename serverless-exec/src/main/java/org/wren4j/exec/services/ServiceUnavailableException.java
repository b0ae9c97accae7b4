package org.wren4j.exec.services;

import org.wren4j.exec.worker.ServiceFaults;

/**
 * A service (the Redis runtime state or the SQS queue) could not be reached when opening it. The
 * message names the service and its endpoint (without credentials) and the root cause, e.g.
 * "cannot reach Redis (runtime state) at redis://127.0.0.1:1: Connection refused".
 */
public final class ServiceUnavailableException extends RuntimeException {
    ServiceUnavailableException(String service, String endpoint, Throwable cause) {
        super("cannot reach " + service + " at " + withoutCredentials(endpoint) + ": " + ServiceFaults.rootMessage(cause), cause);
    }

    /** {@code scheme://user:secret@host...} without the {@code user:secret@}. */
    static String withoutCredentials(String endpoint) {
        return endpoint.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }
}
