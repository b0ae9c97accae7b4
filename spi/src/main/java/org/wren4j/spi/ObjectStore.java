package org.wren4j.spi;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * A flat key to bytes store (memory, a local directory, S3). All calls are asynchronous and
 * never block the caller; failures complete the stage exceptionally.
 */
public interface ObjectStore extends AutoCloseable {

    /** The outcome of a create-if-absent write. */
    enum PutResult { CREATED, EXISTED }

    /**
     * Stores {@code bytes} under {@code key} unless the key exists; never overwrites. Atomic: a
     * reader sees either nothing or the whole object.
     */
    CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes);

    /** Stores {@code bytes} under {@code key}, replacing any previous object (used for manifests). */
    CompletionStage<Void> put(String key, byte[] bytes);

    /** The bytes under {@code key}, or empty if there is no such key. */
    CompletionStage<Optional<byte[]>> get(String key);

    /** Deletes {@code key}; deleting a missing key succeeds. */
    CompletionStage<Void> delete(String key);

    /** Keys that start with {@code prefix}, in lexicographic order. */
    CompletionStage<List<String>> list(String prefix);

    /**
     * How many more bytes this store can take now, when it knows: a local directory its file
     * system's usable space, memory the heap left. Jobs and matrix writes are refused before
     * they start when their bytes cannot fit. The default, empty, means unknown or unbounded (S3).
     */
    default OptionalLong usableBytes() {
        return OptionalLong.empty();
    }

    /** A short description for error messages, e.g. {@code memory} or {@code s3://bucket/prefix}. */
    String describe();

    @Override
    void close();
}
