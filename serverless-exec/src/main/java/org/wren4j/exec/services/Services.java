package org.wren4j.exec.services;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.wren4j.exec.aws.AwsChain;
import org.wren4j.exec.aws.AwsConfigurationException;
import org.wren4j.exec.aws.AwsSettings;
import org.wren4j.exec.provision.aws.LambdaLauncher;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.exec.queue.sqs.SqsQueueFactory;
import org.wren4j.exec.queue.sqs.SqsQueueOptions;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.exec.state.redis.RedisRuntimeState;
import org.wren4j.exec.state.redis.RedisStateOptions;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.spi.ObjectStore;
import org.wren4j.tiles.TileStore;
import org.wren4j.tiles.s3.S3ObjectStore;
import org.wren4j.tiles.s3.S3Options;

/**
 * Open connections to the services named by {@link ServiceEndpoints}: the tile store on S3, the
 * task queue on SQS, the runtime state on Redis. The region and credentials of S3 and SQS come
 * from {@link AwsChain}: the settings given in code, then {@code WREN4J_AWS_*} variables, then the
 * wren4j properties file, then AWS's default chains (a local server needs none).
 */
public final class Services implements AutoCloseable {
    private final ServiceEndpoints endpoints;
    private final TileStore store;
    private final TaskQueue queue;
    private final RuntimeState state;

    private Services(ServiceEndpoints endpoints, TileStore store, TaskQueue queue, RuntimeState state) {
        this.endpoints = endpoints;
        this.store = store;
        this.queue = queue;
        this.state = state;
    }

    public static Services open(ServiceEndpoints endpoints) {
        return open(endpoints, AwsSettings.NONE, UnaryOperator.identity());
    }

    /** Opens the services; the tile store's object store is passed through {@code wrapObjects} (e.g. to inject faults). */
    public static Services open(ServiceEndpoints endpoints, UnaryOperator<ObjectStore> wrapObjects) {
        return open(endpoints, AwsSettings.NONE, wrapObjects);
    }

    /**
     * Opens the services with {@code aws} as the first layer of the AWS settings ({@link AwsChain}).
     *
     * @throws AwsConfigurationException if S3 or SQS on AWS has no region or credentials, or AWS refuses them
     * @throws ServiceUnavailableException if a service does not answer
     */
    public static Services open(ServiceEndpoints endpoints, AwsSettings aws, UnaryOperator<ObjectStore> wrapObjects) {
        requireNonNull(endpoints, "endpoints is null");
        AwsChain chain = AwsChain.of(requireNonNull(aws, "aws is null"));
        String s3Where = endpoints.s3().map(URI::toString).orElse("s3://" + endpoints.bucket());
        AwsChain.Resolved s3Aws = chain.resolve("S3 (tile store)", endpoints.s3().orElse(null));
        AwsChain.Resolved sqsAws = chain.resolve("SQS (task queue)", endpoints.sqs());
        S3Options s3 = S3Options.builder(endpoints.bucket()).build();
        ObjectStore objects;
        try {
            objects = S3ObjectStore.connect(endpoints.s3().orElse(null), s3Aws.region(), s3Aws.credentials(), s3);
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("S3 (tile store)", s3Where, e);
        }
        TileStore store = new TileStore(wrapObjects.apply(objects), endpoints.prefix());
        RuntimeState state = null;
        try {
            try {
                state = RedisRuntimeState.connect(endpoints.redis(), RedisStateOptions.create());
            } catch (RuntimeException e) {
                throw new ServiceUnavailableException("Redis (runtime state)", endpoints.redis(), e);
            }
            SqsQueueOptions options = SqsQueueOptions.builder().region(sqsAws.region()).credentials(sqsAws.credentials()).build();
            TaskQueue queue;
            try {
                queue = SqsQueueFactory.connect(endpoints.sqs(), endpoints.queue(), options).toCompletableFuture().join();
            } catch (RuntimeException e) {
                throw AwsChain.refused(e, "SQS (task queue)", endpoints.sqs().toString(), sqsAws).map(RuntimeException.class::cast)
                        .orElseGet(() -> new ServiceUnavailableException("SQS (task queue)", endpoints.sqs().toString(), e));
            }
            return new Services(endpoints, store, queue, state);
        } catch (RuntimeException e) {
            if (state != null) {
                state.close();
            }
            store.close();
            throw e;
        }
    }

    /**
     * Workers as invocations of the Lambda {@code function} (at {@code endpoint}, or AWS's in the
     * configured region when empty), each told these endpoints, {@code worker}'s options and to
     * stop leasing {@code margin} before its deadline.
     */
    public static LambdaLauncher lambdaLauncher(ServiceEndpoints endpoints, WorkerConfig worker, String function, Optional<URI> endpoint,
                                                Duration margin) {
        return lambdaLauncher(endpoints, worker, function, endpoint, margin, AwsSettings.NONE);
    }

    /**
     * As {@link #lambdaLauncher(ServiceEndpoints, WorkerConfig, String, Optional, Duration)}, the
     * client's region and credentials from {@link AwsChain} with {@code settings} first. The
     * launcher takes a key pair: temporary credentials' session token is not passed on.
     */
    public static LambdaLauncher lambdaLauncher(ServiceEndpoints endpoints, WorkerConfig worker, String function, Optional<URI> endpoint,
                                                Duration margin, AwsSettings settings) {
        var event = new LinkedHashMap<>(endpoints.toMap());
        event.putAll(WorkerOptions.toMap(worker, 0));
        event.put("margin-ms", Long.toString(margin.toMillis()));
        AwsChain.Resolved aws = AwsChain.of(settings).resolve("Lambda (workers)", endpoint.orElse(null));
        var credentials = aws.credentials().resolveCredentials();
        return LambdaLauncher.create(endpoint.orElse(null), aws.region(), credentials.accessKeyId(), credentials.secretAccessKey(), function, event);
    }

    public ServiceEndpoints endpoints() {
        return endpoints;
    }

    public TileStore store() {
        return store;
    }

    public TaskQueue queue() {
        return queue;
    }

    public RuntimeState state() {
        return state;
    }

    @Override
    public void close() {
        queue.close();
        state.close();
        store.close();
    }
}
