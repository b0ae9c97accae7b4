package org.wren4j.exec.testing;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.wren4j.spi.ObjectStore;
import org.wren4j.tiles.ForwardingObjectStore;

/** An object store that stops answering after a number of writes, as a stopped s3proxy does, until {@link #up()}. */
public final class OutageObjectStore extends ForwardingObjectStore {
    private volatile boolean down;
    private final AtomicInteger writesUntilDown = new AtomicInteger(-1);
    private final CountDownLatch wentDown = new CountDownLatch(1);

    public OutageObjectStore(ObjectStore delegate) {
        super(delegate);
    }

    public void downAfterWrites(int writes) {
        writesUntilDown.set(writes);
    }

    public CountDownLatch wentDown() {
        return wentDown;
    }

    public void up() {
        down = false;
    }

    private <T> CompletionStage<T> call(Supplier<CompletionStage<T>> op) {
        if (down) {
            return CompletableFuture.failedFuture(new UncheckedIOException(new ConnectException("Connection refused")));
        }
        return op.get();
    }

    @Override
    public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
        return call(() -> super.putIfAbsent(key, bytes).thenApply(r -> {
            if (writesUntilDown.decrementAndGet() == 0) {
                down = true;
                wentDown.countDown();
            }
            return r;
        }));
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(String key) {
        return call(() -> super.get(key));
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        return call(() -> super.delete(key));
    }

    @Override
    public CompletionStage<List<String>> list(String prefix) {
        return call(() -> super.list(prefix));
    }
}
