package org.wren4j.devservices;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.gaul.s3proxy.S3Proxy;
import org.wren4j.api.ServiceEndpoints;

/**
 * Real servers for the services backend on 127.0.0.1, for trying wren4j and for an
 * application's own tests: a redis-server process (the system's, else the one embedded-redis
 * ships), ElasticMQ for SQS and s3proxy for S3 in this JVM, each on a free port. Not for
 * production: no persistence, no authentication beyond a dummy S3 key.
 *
 * <pre>{@code
 * try (DevServices dev = DevServices.start(dir);
 *      Wren wren = Wren.builder().services(dev.endpoints()).build()) { ... }
 * }</pre>
 */
public final class DevServices implements AutoCloseable {
    /** The bucket {@link #endpoints()} names, made at start. */
    public static final String BUCKET = "wren4j";

    private final Process redis;
    private final int redisPort;
    private final SQSRestServer sqs;
    private final int sqsPort;
    private final S3Proxy s3;

    private DevServices(Process redis, int redisPort, SQSRestServer sqs, int sqsPort, S3Proxy s3) {
        this.redis = redis;
        this.redisPort = redisPort;
        this.sqs = sqs;
        this.sqsPort = sqsPort;
        this.s3 = s3;
    }

    /**
     * Starts all three; S3 objects go under {@code dir/s3}, Redis's log is {@code dir/redis.log}.
     *
     * @throws IllegalStateException naming the server that did not start, with its output
     */
    public static DevServices start(Path dir) {
        requireNonNull(dir, "dir is null");
        Process redis = null;
        SQSRestServer sqs = null;
        try {
            Files.createDirectories(dir);
            int redisPort = Servers.freePort();
            Path log = dir.resolve("redis.log");
            redis = new ProcessBuilder(Servers.redisCommand(Servers.redisBinary(), redisPort, dir)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            Servers.awaitPort("redis-server", redis, redisPort, log);
            sqs = Servers.sqs(0);
            int sqsPort = sqs.waitUntilStarted().localAddress().getPort();
            S3Proxy s3 = Servers.s3(0, BUCKET, dir.resolve("s3"));
            return new DevServices(redis, redisPort, sqs, sqsPort, s3);
        } catch (Exception e) {
            if (sqs != null) {
                sqs.stopAndWait();
            }
            if (redis != null) {
                redis.destroyForcibly();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot start the local services in " + dir, io);
            }
            throw e instanceof IllegalStateException ise ? ise : new IllegalStateException("cannot start the local services: " + e, e);
        }
    }

    /** Endpoints of the three servers, with the bucket {@link #BUCKET}. */
    public ServiceEndpoints endpoints() {
        return ServiceEndpoints.of("redis://127.0.0.1:" + redisPort, "http://127.0.0.1:" + sqsPort, "http://127.0.0.1:" + s3.getPort(), BUCKET);
    }

    @Override
    public void close() {
        try {
            s3.stop();
        } catch (Exception e) {
            // stopping a test server: nothing to save
        }
        sqs.stopAndWait();
        redis.destroy();
        try {
            if (!redis.waitFor(10, TimeUnit.SECONDS)) {
                redis.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            redis.destroyForcibly();
        }
    }
}
