package org.wren4j.exec.queue.sqs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Immutable options of {@link SqsTaskQueue}. Create with {@link #create()} for the defaults,
 * {@link #builder()} to choose, or {@link #mutate()} to change a copy.
 *
 * @param region         the AWS region of the queues (any name for a local server)
 * @param credentials    where the client's credentials come from
 * @param bands          how priorities map to queues
 * @param maxReceives    receives after which a message moves to the dead-letter queue
 *                       (SQS's redrive {@code maxReceiveCount}); keep it above the workers'
 *                       attempt limit so that only messages whose consumers keep dying land there
 * @param ackLinger      how long an acknowledgement (or a send) waits for others to share its
 *                       DeleteMessageBatch (or SendMessageBatch)
 * @param apiCallTimeout limit of one call, retries included; longer than the 20 s long poll
 * @param maxConnections HTTP connections of the client (long polls hold one each)
 */
public record SqsQueueOptions(String region, AwsCredentialsProvider credentials, PriorityBands bands, int maxReceives,
                              Duration ackLinger, Duration apiCallTimeout, int maxConnections) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final int DEFAULT_MAX_RECEIVES = 10;
    public static final Duration DEFAULT_ACK_LINGER = Duration.ofMillis(2);
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(40);
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    /** The longest wait of one SQS receive. */
    static final int MAX_WAIT_SECONDS = 20;

    public SqsQueueOptions {
        requireNonNull(region, "region is null");
        requireNonNull(credentials, "credentials is null");
        requireNonNull(bands, "bands is null");
        requireNonNull(ackLinger, "ackLinger is null");
        requireNonNull(apiCallTimeout, "apiCallTimeout is null");
        if (maxReceives < 1 || maxReceives > 1000) {
            throw new IllegalArgumentException("maxReceives must be within [1, 1000] (SQS's limit), got " + maxReceives);
        }
        if (ackLinger.isNegative()) {
            throw new IllegalArgumentException("ackLinger must not be negative, got " + ackLinger);
        }
        if (apiCallTimeout.compareTo(Duration.ofSeconds(MAX_WAIT_SECONDS)) <= 0) {
            throw new IllegalArgumentException("apiCallTimeout must exceed the " + MAX_WAIT_SECONDS + " s long poll, got " + apiCallTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
        }
    }

    public static SqsQueueOptions create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder mutate() {
        return new Builder().region(region).credentials(credentials).bands(bands).maxReceives(maxReceives)
                .ackLinger(ackLinger).apiCallTimeout(apiCallTimeout).maxConnections(maxConnections);
    }

    public static final class Builder {
        private String region = DEFAULT_REGION;
        private AwsCredentialsProvider credentials;
        private PriorityBands bands = PriorityBands.defaults();
        private int maxReceives = DEFAULT_MAX_RECEIVES;
        private Duration ackLinger = DEFAULT_ACK_LINGER;
        private Duration apiCallTimeout = DEFAULT_API_CALL_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;

        private Builder() {
        }

        public Builder region(String region) {
            this.region = requireNonNull(region, "region is null");
            return this;
        }

        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = requireNonNull(credentials, "credentials is null");
            return this;
        }

        /** Fixed credentials, e.g. any pair for a local server such as ElasticMQ. */
        public Builder staticCredentials(String accessKeyId, String secretAccessKey) {
            requireNonNull(accessKeyId, "accessKeyId is null");
            requireNonNull(secretAccessKey, "secretAccessKey is null");
            return credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
        }

        public Builder bands(PriorityBands bands) {
            this.bands = requireNonNull(bands, "bands is null");
            return this;
        }

        public Builder maxReceives(int maxReceives) {
            this.maxReceives = maxReceives;
            return this;
        }

        public Builder ackLinger(Duration linger) {
            this.ackLinger = requireNonNull(linger, "linger is null");
            return this;
        }

        public Builder apiCallTimeout(Duration timeout) {
            this.apiCallTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public SqsQueueOptions build() {
            // the default chain is built only when needed: it looks at the environment
            AwsCredentialsProvider c = credentials != null ? credentials : DefaultCredentialsProvider.builder().build();
            return new SqsQueueOptions(region, c, bands, maxReceives, ackLinger, apiCallTimeout, maxConnections);
        }
    }
}
