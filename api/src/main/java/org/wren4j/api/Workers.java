package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.wren4j.exec.services.WorkerMain;

/**
 * The worker entry point outside a client: what {@code wren4j worker}, a worker process and a
 * Lambda invocation run. A worker joins the services of a deployment (the same endpoints as
 * {@link Wren.Builder#services}), takes tasks of any session's jobs until it has been idle for its
 * idle timeout, and returns. Start as many as you like, anywhere that reaches the services.
 */
public final class Workers {
    private Workers() {
    }

    /**
     * Runs one single-core worker to its end. {@code args} are {@code --name value} pairs:
     * {@code --redis URI --sqs URL --bucket NAME} and optionally {@code --s3 URL}, {@code --queue},
     * {@code --prefix} (as in {@link ServiceEndpoints}) and the worker's options
     * ({@code --pipeline}, {@code --lease-ms}, {@code --idle-ms}, ...).
     *
     * @throws IllegalArgumentException for an unknown option, a missing value or a missing endpoint
     * @throws ServiceUnavailableException naming the service and endpoint that does not answer
     */
    public static void run(List<String> args) {
        requireNonNull(args, "args is null");
        var options = WorkerMain.parse(args);
        try {
            WorkerMain.runWorker(options);
        } catch (org.wren4j.exec.services.ServiceUnavailableException e) {
            // qualified: the exec exception shares its simple name with the user's ServiceUnavailableException
            throw new ServiceUnavailableException(e.getMessage(), e);
        }
    }
}
