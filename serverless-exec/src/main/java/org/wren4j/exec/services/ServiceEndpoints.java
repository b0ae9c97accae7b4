package org.wren4j.exec.services;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the services of a deployment are: Redis (runtime state), an SQS endpoint and queue name
 * prefix (task queue), and an S3 bucket and key prefix (tiles), with the S3 endpoint of an
 * S3-compatible server (empty for AWS). Everything a worker process or a Lambda invocation needs
 * to join; passed as {@code --name value} arguments or as a flat map (a Lambda event).
 * Credentials are not part of it: see {@link Services}.
 */
public record ServiceEndpoints(String redis, URI sqs, String queue, Optional<URI> s3, String bucket, String prefix) {
    public static final String DEFAULT_QUEUE = "wren4j";
    public static final String DEFAULT_PREFIX = "wren4j";

    public ServiceEndpoints {
        requireNonNull(redis, "redis is null");
        requireNonNull(sqs, "sqs is null");
        requireNonNull(queue, "queue is null");
        requireNonNull(s3, "s3 is null");
        requireNonNull(bucket, "bucket is null");
        requireNonNull(prefix, "prefix is null");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("the S3 bucket name is empty");
        }
    }

    /** The names of the options, as in {@code --redis URI --sqs URL --queue NAME --s3 URL --bucket NAME --prefix P}. */
    public static final List<String> OPTIONS = List.of("redis", "sqs", "queue", "s3", "bucket", "prefix");

    /**
     * From options by name. {@code sqs} may be a queue URL ({@code http://host:port/account/name}):
     * its last path segment is then the queue name prefix unless {@code queue} is given.
     *
     * @throws IllegalArgumentException naming the missing option
     */
    public static ServiceEndpoints fromMap(Map<String, String> options) {
        String redis = required(options, "redis");
        URI sqsUrl = URI.create(required(options, "sqs"));
        String bucket = required(options, "bucket");
        URI sqs = URI.create(sqsUrl.getScheme() + "://" + sqsUrl.getRawAuthority());
        String queue = options.get("queue");
        if (queue == null) {
            String path = sqsUrl.getPath() == null ? "" : sqsUrl.getPath().replaceAll("/+$", "");
            queue = path.isEmpty() ? DEFAULT_QUEUE : path.substring(path.lastIndexOf('/') + 1);
        }
        String s3 = options.get("s3");
        return new ServiceEndpoints(redis, sqs, queue, s3 == null || s3.isEmpty() ? Optional.empty() : Optional.of(URI.create(s3)),
                bucket, options.getOrDefault("prefix", DEFAULT_PREFIX));
    }

    private static String required(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("the services need --" + name);
        }
        return v;
    }

    public Map<String, String> toMap() {
        var m = new LinkedHashMap<String, String>();
        m.put("redis", redis);
        m.put("sqs", sqs.toString());
        m.put("queue", queue);
        s3.ifPresent(u -> m.put("s3", u.toString()));
        m.put("bucket", bucket);
        m.put("prefix", prefix);
        return m;
    }

    /** As command-line arguments. */
    public List<String> toArgs() {
        var args = new ArrayList<String>();
        toMap().forEach((k, v) -> {
            args.add("--" + k);
            args.add(v);
        });
        return args;
    }
}
