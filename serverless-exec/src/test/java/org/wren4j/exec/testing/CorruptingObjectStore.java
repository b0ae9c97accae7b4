package org.wren4j.exec.testing;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.wren4j.tiles.ForwardingObjectStore;
import org.wren4j.spi.ObjectStore;

/**
 * An object store whose {@link #corruptNextWrite() next written} object reads back with one byte
 * flipped, as bit rot or a torn copy would leave it: its checksum no longer matches.
 */
public final class CorruptingObjectStore extends ForwardingObjectStore {
    private volatile boolean armed;
    private volatile String corrupt;
    private final AtomicInteger corruptReads = new AtomicInteger();

    public CorruptingObjectStore(ObjectStore delegate) {
        super(delegate);
    }

    public void corruptNextWrite() {
        armed = true;
    }

    /** How often the corrupt object was read. */
    public int corruptReads() {
        return corruptReads.get();
    }

    @Override
    public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
        if (armed) {
            armed = false;
            corrupt = key;
        }
        return super.putIfAbsent(key, bytes);
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(String key) {
        if (!key.equals(corrupt)) {
            return super.get(key);
        }
        corruptReads.incrementAndGet();
        return super.get(key).thenApply(found -> found.map(bytes -> {
            byte[] copy = bytes.clone();
            copy[copy.length - 16] ^= 0x40;
            return copy;
        }));
    }
}
