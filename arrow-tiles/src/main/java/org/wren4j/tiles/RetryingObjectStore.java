package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.wren4j.spi.ObjectStore;

/**
 * Retries every call of another store that fails with {@link TransientStoreException}, following
 * a {@link RetryPolicy}; gives up with {@link StoreUnavailableException}. Safe for all calls:
 * a create-if-absent whose answer was lost reports {@code EXISTED} on retry, which
 * {@link TileStore#write} accepts when the stored bytes are the same.
 */
public final class RetryingObjectStore extends ForwardingObjectStore {
    private final RetryPolicy policy;

    public RetryingObjectStore(ObjectStore delegate, RetryPolicy policy) {
        super(delegate);
        this.policy = requireNonNull(policy, "policy is null");
    }

    @Override
    public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
        return policy.execute(what("PUT-IF-ABSENT", key), () -> delegate().putIfAbsent(key, bytes));
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] bytes) {
        return policy.execute(what("PUT", key), () -> delegate().put(key, bytes));
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(String key) {
        return policy.execute(what("GET", key), () -> delegate().get(key));
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        return policy.execute(what("DELETE", key), () -> delegate().delete(key));
    }

    @Override
    public CompletionStage<List<String>> list(String prefix) {
        return policy.execute(what("LIST", prefix), () -> delegate().list(prefix));
    }

    private String what(String op, String key) {
        return op + " " + key + " on " + describe();
    }
}
