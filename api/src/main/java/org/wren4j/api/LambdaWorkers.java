package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    /**
     * The AWS CloudFormation template (YAML) of a deployment for Lambda workers: the tile bucket
     * (TLS only, encrypted, job scratch expiring), the task queues and their dead-letter queue
     * (encrypted, TLS only), the worker function and its least-privilege role, a managed policy
     * for clients (including the provisioner's permission to invoke the function), and Redis
     * (ElastiCache with TLS and AUTH, or an endpoint given as a parameter). Deploy it with
     * {@code aws cloudformation deploy}; its outputs are the session's services and function.
     */
    public static String cloudFormationTemplate() {
        try (InputStream in = LambdaWorkers.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("the wren4j jar has no " + TEMPLATE + ": it is damaged; rebuild or download it again");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the CloudFormation template " + TEMPLATE + " failed", e);
        }
    }

    private static final String TEMPLATE = "wren4j-aws.yaml";
}
