package org.wren4j.exec.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.wren4j.tiles.ForwardingObjectStore;
import org.wren4j.tiles.MemoryObjectStore;

/**
 * An in-memory object store that records, for keys under one prefix (a temporary matrix), the
 * keys ever created and the most alive at once, and every key deleted anywhere, in order.
 */
public final class RecordingObjectStore extends ForwardingObjectStore {
    private final String watched;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final List<String> deleted = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> onDelete = k -> { };
    private int peak;

    /** Watches keys starting with {@code watchedPrefix}, e.g. {@code "wren4j/tmp/job/S/"}. */
    public RecordingObjectStore(String watchedPrefix) {
        super(new MemoryObjectStore());
        this.watched = watchedPrefix;
    }

    /** Called after each delete completed, with the key. */
    public void onDelete(Consumer<String> hook) {
        this.onDelete = hook;
    }

    @Override
    public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
        return super.putIfAbsent(key, bytes).thenApply(r -> {
            if (r == PutResult.CREATED && key.startsWith(watched)) {
                created.add(key);
                synchronized (this) {
                    live.add(key);
                    peak = Math.max(peak, live.size());
                }
            }
            return r;
        });
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        return super.delete(key).thenRun(() -> {
            deleted.add(key);
            synchronized (this) {
                live.remove(key);
            }
            onDelete.accept(key);
        });
    }

    @Override
    public String describe() {
        return "recording memory";
    }

    /** Distinct watched keys ever created. */
    public int created() {
        return created.size();
    }

    /** The most watched keys that existed at once. */
    public synchronized int peakLive() {
        return peak;
    }

    public List<String> deleted() {
        return List.copyOf(deleted);
    }
}
