package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import org.wren4j.spi.ObjectStore;

/** An {@link ObjectStore} that passes every call to another; subclasses override what they change. */
public abstract class ForwardingObjectStore implements ObjectStore {
    private final ObjectStore delegate;

    protected ForwardingObjectStore(ObjectStore delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    protected ObjectStore delegate() {
        return delegate;
    }

    @Override
    public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
        return delegate.putIfAbsent(key, bytes);
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] bytes) {
        return delegate.put(key, bytes);
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(String key) {
        return delegate.get(key);
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        return delegate.delete(key);
    }

    @Override
    public CompletionStage<List<String>> list(String prefix) {
        return delegate.list(prefix);
    }

    @Override
    public OptionalLong usableBytes() {
        return delegate.usableBytes();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
