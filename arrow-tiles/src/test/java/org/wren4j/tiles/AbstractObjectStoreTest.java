package org.wren4j.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wren4j.spi.ObjectStore;

/** The {@link ObjectStore} contract; every backend runs it. */
public abstract class AbstractObjectStoreTest {
    protected ObjectStore store;

    /** A fresh, empty store. */
    protected abstract ObjectStore createStore() throws Exception;

    /** Size of the "large object" case; S3 raises it past its multipart threshold. */
    protected int largeObjectBytes() {
        return 3 << 20;
    }

    @BeforeEach
    void open() throws Exception {
        store = createStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void getOfMissingKeyIsEmpty() {
        assertThat(store.get("x/missing").toCompletableFuture().join()).isEmpty();
    }

    @Test
    void putThenGetReturnsTheBytes() {
        byte[] bytes = bytes(1000, 1);
        store.put("a/b/c", bytes).toCompletableFuture().join();
        assertThat(store.get("a/b/c").toCompletableFuture().join()).hasValue(bytes);
    }

    @Test
    void storedBytesAreIsolatedFromTheCallersArray() {
        byte[] bytes = bytes(10, 2);
        store.put("k", bytes).toCompletableFuture().join();
        bytes[0] ^= 1;
        assertThat(store.get("k").toCompletableFuture().join().orElseThrow()).isNotEqualTo(bytes);
    }

    @Test
    void emptyObjectRoundTrips() {
        store.put("empty", new byte[0]).toCompletableFuture().join();
        assertThat(store.get("empty").toCompletableFuture().join()).hasValue(new byte[0]);
    }

    @Test
    void largeObjectRoundTrips() {
        byte[] bytes = bytes(largeObjectBytes(), 3);
        assertThat(store.putIfAbsent("big/one", bytes).toCompletableFuture().join()).isEqualTo(ObjectStore.PutResult.CREATED);
        assertThat(store.get("big/one").toCompletableFuture().join()).hasValue(bytes);
    }

    @Test
    void putReplaces() {
        store.put("m", bytes(5, 1)).toCompletableFuture().join();
        store.put("m", bytes(7, 2)).toCompletableFuture().join();
        assertThat(store.get("m").toCompletableFuture().join()).hasValue(bytes(7, 2));
    }

    @Test
    void putIfAbsentNeverOverwrites() {
        assertThat(store.putIfAbsent("t/0_0", bytes(8, 1)).toCompletableFuture().join()).isEqualTo(ObjectStore.PutResult.CREATED);
        assertThat(store.putIfAbsent("t/0_0", bytes(8, 2)).toCompletableFuture().join()).isEqualTo(ObjectStore.PutResult.EXISTED);
        assertThat(store.get("t/0_0").toCompletableFuture().join()).hasValue(bytes(8, 1));
    }

    @Test
    void concurrentCreatorsOfOneKeyHaveExactlyOneWinner() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            var start = new CountDownLatch(1);
            List<Future<ObjectStore.PutResult>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                byte[] mine = bytes(4096, 100 + w);
                results.add(pool.submit(() -> {
                    start.await();
                    return store.putIfAbsent("race/key", mine).toCompletableFuture().join();
                }));
            }
            start.countDown();
            int created = 0;
            int winner = -1;
            for (int w = 0; w < writers; w++) {
                if (results.get(w).get() == ObjectStore.PutResult.CREATED) {
                    created++;
                    winner = w;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(store.get("race/key").toCompletableFuture().join()).hasValue(bytes(4096, 100 + winner));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deleteRemovesAndDeletingAMissingKeySucceeds() {
        store.put("d/1", bytes(3, 1)).toCompletableFuture().join();
        store.delete("d/1").toCompletableFuture().join();
        store.delete("d/1").toCompletableFuture().join();
        store.delete("never/was").toCompletableFuture().join();
        assertThat(store.get("d/1").toCompletableFuture().join()).isEmpty();
        assertThat(store.putIfAbsent("d/1", bytes(3, 2)).toCompletableFuture().join()).isEqualTo(ObjectStore.PutResult.CREATED);
    }

    @Test
    void listReturnsKeysWithThePrefixInOrder() {
        for (String k : List.of("p/m/1_0", "p/m/0_1", "p/m/0_0", "p/mx/0_0", "p/n/0_0", "q/m/0_0", "p/m/ab/2_2")) {
            store.put(k, bytes(1, 1)).toCompletableFuture().join();
        }
        assertThat(store.list("p/m/").toCompletableFuture().join()).containsExactly("p/m/0_0", "p/m/0_1", "p/m/1_0", "p/m/ab/2_2");
        assertThat(store.list("p/m").toCompletableFuture().join())
                .containsExactly("p/m/0_0", "p/m/0_1", "p/m/1_0", "p/m/ab/2_2", "p/mx/0_0");
        assertThat(store.list("p/").toCompletableFuture().join()).hasSize(6);
        assertThat(store.list("zzz/").toCompletableFuture().join()).isEmpty();
    }

    @Test
    void listSeesManyKeys() {
        var futures = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < 1100; i++) {
            futures.add(store.put(String.format("many/%04d", i), bytes(1, i)).toCompletableFuture());
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        List<String> keys = store.list("many/").toCompletableFuture().join();
        assertThat(keys).hasSize(1100).isSorted();
    }

    @Test
    void describeIsNotBlank() {
        assertThat(store.describe()).isNotBlank();
    }

    protected static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }
}
