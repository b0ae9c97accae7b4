package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the services of a deployment are, for {@link Wren.Builder#services}: Redis for the
 * runtime state, an SQS endpoint and queue name prefix for the task queue, and an S3 bucket and
 * key prefix for the tiles, with the endpoint of an S3-compatible server (empty for AWS S3).
 *
 * <p>Credentials are not part of it. The region and credentials of S3 and SQS come from
 * {@link Wren.Builder#aws}, then {@code WREN4J_AWS_*} variables, then the wren4j properties file,
 * then AWS's default chains (see {@link AwsConfig}); local S3- and SQS-compatible servers need
 * none (a dummy pair they accept is used). A Redis password goes in its URI
 * ({@code redis://:password@host:port}, {@code rediss://} for TLS).
 *
 * @param redis  Redis URI, e.g. {@code redis://127.0.0.1:6379}
 * @param sqs    SQS endpoint, e.g. {@code http://127.0.0.1:9324} or {@code https://sqs.us-east-1.amazonaws.com}
 * @param queue  prefix of the names of the queues a session creates
 * @param s3     endpoint of an S3-compatible server; empty for AWS S3
 * @param bucket the bucket that holds the tiles (it must exist)
 * @param prefix key prefix of the tiles in the bucket
 */
public record ServiceEndpoints(String redis, URI sqs, String queue, Optional<URI> s3, String bucket, String prefix) {
    public static final String DEFAULT_QUEUE = "wren4j";
    public static final String DEFAULT_PREFIX = "wren4j";
    /** The option names of {@link #fromOptions}, as in {@code --redis URI --sqs URL --queue NAME --s3 URL --bucket NAME --prefix P}. */
    public static final List<String> OPTIONS = org.wren4j.exec.services.ServiceEndpoints.OPTIONS;

    public ServiceEndpoints {
        toServices(redis, sqs, queue, s3, bucket, prefix); // the workers' own record checks what it needs
        if (!redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
            throw new IllegalArgumentException("the Redis endpoint must be a redis:// or rediss:// URI, got '" + redis + "'");
        }
        if (queue.isEmpty()) {
            throw new IllegalArgumentException("the SQS queue name prefix is empty");
        }
    }

    /** The same endpoints as the workers receive them. */
    org.wren4j.exec.services.ServiceEndpoints toServices() {
        return toServices(redis, sqs, queue, s3, bucket, prefix);
    }

    // qualified: the workers' record shares this one's simple name
    private static org.wren4j.exec.services.ServiceEndpoints toServices(String redis, URI sqs, String queue, Optional<URI> s3, String bucket,
                                                                      String prefix) {
        return new org.wren4j.exec.services.ServiceEndpoints(redis, sqs, queue, s3, bucket, prefix);
    }

    /**
     * From options by name ({@link #OPTIONS}), as a command line or a worker's event gives them:
     * {@code redis}, {@code sqs} and {@code bucket} are required; {@code sqs} may be a queue URL
     * ({@code http://host:port/account/name}), whose last path segment is then the queue name
     * prefix unless {@code queue} is given; without {@code s3}, AWS S3.
     *
     * @throws IllegalArgumentException naming the option that is missing or wrong
     */
    public static ServiceEndpoints fromOptions(Map<String, String> options) {
        requireNonNull(options, "options is null");
        var e = org.wren4j.exec.services.ServiceEndpoints.fromMap(options);
        return new ServiceEndpoints(e.redis(), e.sqs(), e.queue(), e.s3(), e.bucket(), e.prefix());
    }

    /** Servers that speak the services' protocols at the given endpoints (e.g. Redis, ElasticMQ, an S3-compatible store). */
    public static ServiceEndpoints of(String redis, String sqs, String s3, String bucket) {
        return new ServiceEndpoints(redis, uri("sqs", sqs), DEFAULT_QUEUE, Optional.of(uri("s3", s3)), bucket, DEFAULT_PREFIX);
    }

    /** AWS: Redis (e.g. ElastiCache), SQS at {@code sqs}, tiles in the AWS S3 bucket {@code bucket}. */
    public static ServiceEndpoints aws(String redis, String sqs, String bucket) {
        return new ServiceEndpoints(redis, uri("sqs", sqs), DEFAULT_QUEUE, Optional.empty(), bucket, DEFAULT_PREFIX);
    }

    /** The same endpoints with another queue name prefix. */
    public ServiceEndpoints withQueue(String queue) {
        return new ServiceEndpoints(redis, sqs, queue, s3, bucket, prefix);
    }

    /** The same endpoints with another key prefix for the tiles. */
    public ServiceEndpoints withPrefix(String prefix) {
        return new ServiceEndpoints(redis, sqs, queue, s3, bucket, prefix);
    }

    private static URI uri(String what, String value) {
        requireNonNull(value, what + " is null");
        try {
            URI u = URI.create(value);
            if (u.getScheme() == null || u.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what.toUpperCase(java.util.Locale.ROOT) + " endpoint must be a URL like http://host:port, got '"
                    + value + "'", e);
        }
    }

    /** The endpoints without the Redis password. */
    @Override
    public String toString() {
        return "ServiceEndpoints[redis=" + redis.replaceAll("//[^@/]*@", "//***@") + ", sqs=" + sqs + ", queue=" + queue
                + ", s3=" + s3.map(URI::toString).orElse("AWS") + ", bucket=" + bucket + ", prefix=" + prefix + "]";
    }
}
