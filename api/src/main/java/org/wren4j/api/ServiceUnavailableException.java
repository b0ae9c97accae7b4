package org.wren4j.api;

/**
 * A service of {@link Wren.Builder#services} (Redis, SQS or S3) did not answer when the session
 * opened it. The message names the service and its endpoint, without credentials.
 */
public final class ServiceUnavailableException extends WrenException {
    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
