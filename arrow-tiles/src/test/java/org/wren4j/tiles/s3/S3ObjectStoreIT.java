package org.wren4j.tiles.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wren4j.tiles.AbstractObjectStoreTest;
import org.wren4j.spi.ObjectStore;

/** The ObjectStore contract against a real S3-compatible server; small parts so multipart runs. */
class S3ObjectStoreIT extends AbstractObjectStoreTest {
    static final int PART = S3Options.MIN_PART_SIZE;

    @Override
    protected ObjectStore createStore() {
        S3ProxyServer server = S3ProxyServer.shared();
        return server.connect(S3Options.builder(server.newBucket()).keyPrefix("ns/").multipart(2L * PART, PART).build());
    }

    @Override
    protected int largeObjectBytes() {
        return 2 * PART + 12345; // three parts, the last one short
    }

    @Test
    void multipartCreateIfAbsentNeverOverwrites() {
        byte[] first = bytes(largeObjectBytes(), 1);
        byte[] second = bytes(largeObjectBytes(), 2);
        assertThat(store.putIfAbsent("big/x", first).toCompletableFuture().join()).isEqualTo(ObjectStore.PutResult.CREATED);
        assertThat(store.putIfAbsent("big/x", second).toCompletableFuture().join()).isEqualTo(ObjectStore.PutResult.EXISTED);
        assertThat(store.get("big/x").toCompletableFuture().join()).hasValue(first);
    }

    @Test
    void multipartOverwriteReplaces() {
        store.put("big/y", bytes(largeObjectBytes(), 1)).toCompletableFuture().join();
        store.put("big/y", bytes(largeObjectBytes(), 2)).toCompletableFuture().join();
        assertThat(store.get("big/y").toCompletableFuture().join()).hasValue(bytes(largeObjectBytes(), 2));
    }

    @Test
    void keyPrefixIsAppliedAndHiddenFromCallers() {
        store.put("k", new byte[] {1}).toCompletableFuture().join();
        assertThat(store.list("").toCompletableFuture().join()).containsExactly("k");
        assertThat(store.describe()).contains("/ns/").contains("127.0.0.1");
    }
}
