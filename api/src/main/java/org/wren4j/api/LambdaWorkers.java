package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Workers as invocations of an AWS Lambda function, for {@link Wren.Builder#lambda}: the function
 * runs wren4j's worker handler ({@code org.wren4j.exec.aws.LambdaWorkerHandler}) and joins the
 * session's {@link Wren.Builder#services services}; {@link Wren.Builder#workers} caps how many run
 * at once. Credentials and region come as for the services ({@code AWS_REGION}, default chain).
 *
 * @param function the function's name or ARN
 * @param endpoint a Lambda-compatible endpoint (e.g. a local emulator); empty for AWS
 * @param margin   how long before an invocation's deadline its worker stops leasing, so the tasks
 *                 it holds finish in time
 */
public record LambdaWorkers(String function, Optional<URI> endpoint, Duration margin) {
    /** Default {@link #margin}: a minute, well above one task on a full tile. */
    public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(60);

    public LambdaWorkers {
        requireNonNull(function, "function is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(margin, "margin is null");
        if (function.isBlank()) {
            throw new IllegalArgumentException("the Lambda function name is empty");
        }
        if (margin.isNegative()) {
            throw new IllegalArgumentException("the margin must not be negative, got " + margin);
        }
    }

    /** Invocations of {@code function} on AWS. */
    public static LambdaWorkers function(String function) {
        return new LambdaWorkers(function, Optional.empty(), DEFAULT_MARGIN);
    }

    /** The same function at a Lambda-compatible endpoint. */
    public LambdaWorkers withEndpoint(URI endpoint) {
        return new LambdaWorkers(function, Optional.of(requireNonNull(endpoint, "endpoint is null")), margin);
    }

    public LambdaWorkers withMargin(Duration margin) {
        return new LambdaWorkers(function, endpoint, margin);
    }
}
