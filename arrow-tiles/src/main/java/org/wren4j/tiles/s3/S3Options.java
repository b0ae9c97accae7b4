package org.wren4j.tiles.s3;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.wren4j.tiles.RetryPolicy;

/**
 * Immutable settings of an {@link S3ObjectStore}. Start from {@link #builder(String)}, or
 * {@link #mutate()} existing options.
 *
 * @param bucket the bucket holding the objects
 * @param keyPrefix prepended to every key, e.g. {@code team/} (empty for none)
 * @param multipartThreshold objects of at least this many bytes are uploaded in parts
 * @param partSize bytes per part (S3 requires at least 5 MiB for all but the last)
 * @param partConcurrency parts of one object uploaded at once
 * @param retryPolicy applied to throttling (429/503 SlowDown), 5xx and connection failures
 * @param encryption server-side encryption requested on every write
 * @param kmsKeyId the KMS key for {@link Encryption#KMS}; empty for the bucket's default key
 */
public record S3Options(String bucket, String keyPrefix, long multipartThreshold, int partSize, int partConcurrency,
                        RetryPolicy retryPolicy, Encryption encryption, Optional<String> kmsKeyId) {

    public static final long DEFAULT_MULTIPART_THRESHOLD = 64L << 20;
    public static final int DEFAULT_PART_SIZE = 16 << 20;
    public static final int MIN_PART_SIZE = 5 << 20;
    public static final int DEFAULT_PART_CONCURRENCY = 4;

    /** Server-side encryption modes. */
    public enum Encryption { NONE, AES256, KMS }

    public S3Options {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(keyPrefix, "keyPrefix is null");
        requireNonNull(retryPolicy, "retryPolicy is null");
        requireNonNull(encryption, "encryption is null");
        requireNonNull(kmsKeyId, "kmsKeyId is null");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("bucket is empty");
        }
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be at least " + MIN_PART_SIZE + " bytes (an S3 limit), got " + partSize);
        }
        if (multipartThreshold < partSize) {
            throw new IllegalArgumentException("multipartThreshold (" + multipartThreshold + ") must be >= partSize (" + partSize + ")");
        }
        if (partConcurrency < 1) {
            throw new IllegalArgumentException("partConcurrency must be >= 1, got " + partConcurrency);
        }
        if (kmsKeyId.isPresent() && encryption != Encryption.KMS) {
            throw new IllegalArgumentException("kmsKeyId given but encryption is " + encryption);
        }
    }

    public static Builder builder(String bucket) {
        return new Builder(bucket);
    }

    public Builder mutate() {
        var b = new Builder(bucket);
        b.keyPrefix = keyPrefix;
        b.multipartThreshold = multipartThreshold;
        b.partSize = partSize;
        b.partConcurrency = partConcurrency;
        b.retryPolicy = retryPolicy;
        b.encryption = encryption;
        b.kmsKeyId = kmsKeyId;
        return b;
    }

    /** Defaults: no prefix, parts of 16 MiB above 64 MiB, 4 parts at once, {@link RetryPolicy#DEFAULT}, no encryption. */
    public static final class Builder {
        private final String bucket;
        private String keyPrefix = "";
        private long multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;
        private int partSize = DEFAULT_PART_SIZE;
        private int partConcurrency = DEFAULT_PART_CONCURRENCY;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Encryption encryption = Encryption.NONE;
        private Optional<String> kmsKeyId = Optional.empty();

        private Builder(String bucket) {
            this.bucket = bucket;
        }

        public Builder keyPrefix(String value) {
            keyPrefix = value;
            return this;
        }

        public Builder multipart(long threshold, int size) {
            multipartThreshold = threshold;
            partSize = size;
            return this;
        }

        public Builder partConcurrency(int value) {
            partConcurrency = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            retryPolicy = value;
            return this;
        }

        public Builder encryption(Encryption value) {
            encryption = value;
            return this;
        }

        public Builder kmsKeyId(String value) {
            kmsKeyId = Optional.of(value);
            return this;
        }

        public S3Options build() {
            return new S3Options(bucket, keyPrefix, multipartThreshold, partSize, partConcurrency, retryPolicy, encryption, kmsKeyId);
        }
    }
}
