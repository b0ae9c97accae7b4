package org.wren4j.exec.services;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.UnaryOperator;
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
 * task queue on SQS, the runtime state on Redis. Credentials for S3-compatible and SQS-compatible
 * endpoints come from the system properties {@code aws.accessKeyId} / {@code aws.secretAccessKey},
 * else the environment's {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}, else a dummy
 * pair that local servers accept; without an S3 endpoint, AWS's default chains apply.
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
        return open(endpoints, UnaryOperator.identity());
    }

    /** Opens the services; the tile store's object store is passed through {@code wrapObjects} (e.g. to inject faults). */
    public static Services open(ServiceEndpoints endpoints, UnaryOperator<ObjectStore> wrapObjects) {
        requireNonNull(endpoints, "endpoints is null");
        String region = setting("aws.region", "AWS_REGION", "us-east-1");
        String access = setting("aws.accessKeyId", "AWS_ACCESS_KEY_ID", "wren4j");
        String secret = setting("aws.secretAccessKey", "AWS_SECRET_ACCESS_KEY", "wren4j");
        S3Options s3 = S3Options.builder(endpoints.bucket()).build();
        ObjectStore objects;
        try {
            objects = endpoints.s3().isPresent()
                    ? S3ObjectStore.connect(endpoints.s3().get(), region, access, secret, s3)
                    : S3ObjectStore.create(s3);
        } catch (RuntimeException e) {
            // AWS S3 without an endpoint needs a region and credentials from the environment
            throw new ServiceUnavailableException("S3 (tile store)", endpoints.s3().map(URI::toString).orElse("s3://" + endpoints.bucket()), e);
        }
        TileStore store = new TileStore(wrapObjects.apply(objects), endpoints.prefix());
        RuntimeState state = null;
        try {
            try {
                state = RedisRuntimeState.connect(endpoints.redis(), RedisStateOptions.create());
            } catch (RuntimeException e) {
                throw new ServiceUnavailableException("Redis (runtime state)", endpoints.redis(), e);
            }
            SqsQueueOptions options = SqsQueueOptions.builder().region(region).staticCredentials(access, secret).build();
            TaskQueue queue;
            try {
                queue = SqsQueueFactory.connect(endpoints.sqs(), endpoints.queue(), options).toCompletableFuture().join();
            } catch (RuntimeException e) {
                throw new ServiceUnavailableException("SQS (task queue)", endpoints.sqs().toString(), e);
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
        var event = new LinkedHashMap<>(endpoints.toMap());
        event.putAll(WorkerOptions.toMap(worker, 0));
        event.put("margin-ms", Long.toString(margin.toMillis()));
        String region = setting("aws.region", "AWS_REGION", "us-east-1");
        String access = setting("aws.accessKeyId", "AWS_ACCESS_KEY_ID", "wren4j");
        String secret = setting("aws.secretAccessKey", "AWS_SECRET_ACCESS_KEY", "wren4j");
        return LambdaLauncher.create(endpoint.orElse(null), region, access, secret, function, event);
    }

    static String setting(String property, String env, String def) {
        String v = System.getProperty(property);
        if (v == null || v.isEmpty()) {
            v = System.getenv(env);
        }
        return v == null || v.isEmpty() ? def : v;
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
