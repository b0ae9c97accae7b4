package org.wren4j.tiles;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import org.wren4j.spi.ObjectStore;

/** An in-process {@link ObjectStore}; objects live on the heap until deleted. */
public final class MemoryObjectStore implements ObjectStore {
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();

    @Override
    public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
        return CompletableFuture.completedFuture(objects.putIfAbsent(key, bytes.clone()) == null ? PutResult.CREATED : PutResult.EXISTED);
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] bytes) {
        objects.put(key, bytes.clone());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(String key) {
        return CompletableFuture.completedFuture(Optional.ofNullable(objects.get(key)));
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        objects.remove(key);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<String>> list(String prefix) {
        return CompletableFuture.completedFuture(List.copyOf(objects.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet()));
    }

    /** Total bytes held, for tests and metrics. */
    public long sizeBytes() {
        return objects.values().stream().mapToLong(b -> b.length).sum();
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {
        objects.clear();
    }
}
