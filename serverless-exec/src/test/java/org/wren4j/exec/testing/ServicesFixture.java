package org.wren4j.exec.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.wren4j.exec.services.ServiceEndpoints;

/**
 * Real Redis, ElasticMQ and s3proxy on loopback, and fresh endpoints (own queue and bucket) for
 * each job. Redis and s3proxy run as processes of their own, so a test can kill, restart (on
 * their data) or freeze them.
 */
public final class ServicesFixture implements AutoCloseable {
    private static final AtomicInteger QUEUES = new AtomicInteger();
    public final LocalRedis redis;
    public final LocalSqs sqs;
    /** Accepts the credentials {@code wren4j}/{@code wren4j} that {@link org.wren4j.exec.services.Services}
     * uses by default, so worker processes reach it without configuration. */
    public final LocalS3 s3;

    private ServicesFixture(boolean appendOnly) {
        redis = LocalRedis.start(appendOnly, null);
        sqs = LocalSqs.start();
        s3 = LocalS3.start("wren4j", "wren4j", "wren4j-exec-" + ProcessHandle.current().pid() + "-");
    }

    public static ServicesFixture start(boolean redisAppendOnly) {
        return new ServicesFixture(redisAppendOnly);
    }

    /** Endpoints with a queue and a bucket no other test uses. */
    public ServiceEndpoints endpoints() {
        String queue = "q" + ProcessHandle.current().pid() + "-" + QUEUES.incrementAndGet();
        return new ServiceEndpoints(redis.uri(), sqs.endpoint(), queue, java.util.Optional.of(s3.endpoint()), s3.newBucket(), "wren4j");
    }

    @Override
    public void close() {
        s3.close();
        sqs.close();
        redis.close();
    }
}
