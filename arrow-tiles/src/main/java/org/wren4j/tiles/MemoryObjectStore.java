package org.wren4j.tiles;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.wren4j.spi.ObjectStore;

/** An in-process {@link ObjectStore}; objects live on the heap until deleted. */
public final class MemoryObjectStore implements ObjectStore {
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();
    private final AtomicLong bytesHeld = new AtomicLong();

    @Override
    public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
        byte[] copy = bytes.clone();
        if (objects.putIfAbsent(key, copy) == null) {
            bytesHeld.addAndGet(copy.length);
            return CompletableFuture.completedFuture(PutResult.CREATED);
        }
        return CompletableFuture.completedFuture(PutResult.EXISTED);
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] bytes) {
        byte[] copy = bytes.clone();
        byte[] old = objects.put(key, copy);
        bytesHeld.addAndGet(copy.length - (old == null ? 0 : old.length));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(String key) {
        return CompletableFuture.completedFuture(Optional.ofNullable(objects.get(key)));
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        byte[] old = objects.remove(key);
        if (old != null) {
            bytesHeld.addAndGet(-old.length);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<String>> list(String prefix) {
        return CompletableFuture.completedFuture(List.copyOf(objects.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet()));
    }

    /** Total bytes held, for tests and metrics. */
    public long sizeBytes() {
        return bytesHeld.get();
    }

    /** The JVM's maximum heap less what this store holds: an upper bound, as the heap also holds everything else. */
    @Override
    public OptionalLong usableBytes() {
        return OptionalLong.of(Math.max(0, Runtime.getRuntime().maxMemory() - bytesHeld.get()));
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
        objects.clear();
        bytesHeld.set(0);
    }
}
