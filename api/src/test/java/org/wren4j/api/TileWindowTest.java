package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wren4j.spi.ObjectStore;

/**
 * Making, loading and copying a matrix keep a bounded number of tiles in flight, so a store slower
 * than the client cannot pile tiles up on the heap.
 */
class TileWindowTest {
    private static final int WORKERS = 2;
    /** {@link TileWindow#capacity} for small tiles: two per worker plus two. */
    private static final int BOUND = 2 * WORKERS + 2;

    private final SlowStore slow = new SlowStore();

    @AfterEach
    void stop() {
        slow.timer.shutdownNow();
    }

    @Test
    void capacityIsTwoTilesPerWorkerCappedByAnEighthOfTheHeap() {
        long gib = 1L << 30;
        assertThat(TileWindow.capacity(64, 2, 3 * gib)).isEqualTo(6);
        // 4096^2 doubles = 128 MiB; an eighth of 3 GiB holds 3 of them
        assertThat(TileWindow.capacity(4096, 2, 3 * gib)).isEqualTo(3);
        // a tile larger than the share still gets one slot
        assertThat(TileWindow.capacity(16384, 8, gib)).isEqualTo(1);
    }

    @Test
    void makingWritingAndCopyingAMatrixKeepFewTilesInFlightOnASlowStore() {
        try (Wren wren = Wren.builder().workers(WORKERS).objectStore(slow, "w").build()) {
            BlockMatrix z = wren.zeros(160, 160, 8); // 400 tiles
            assertThat(slow.peak.get()).as("tiles in flight while making zeros").isBetween(1, BOUND);
            assertThat(z.toArray()[159][159]).isZero();

            slow.peak.set(0);
            double[][] expected = new double[120][30];
            BlockMatrix w;
            try (MatrixWriter writer = wren.matrixWriter(30, 4)) { // 30 x 8 tiles
                for (int r = 0; r < expected.length; r++) {
                    for (int c = 0; c < 30; c++) {
                        expected[r][c] = r - 0.25 * c;
                    }
                    writer.appendRow(expected[r]);
                }
                w = writer.finish();
            }
            assertThat(slow.peak.get()).as("tiles in flight while writing rows").isBetween(1, BOUND);
            assertThat(w.toArray()).isDeepEqualTo(expected);

            slow.peak.set(0);
            BlockMatrix saved = w.save("copied");
            assertThat(slow.peak.get()).as("tiles in flight while copying").isBetween(1, 2 * 15 + 2);
            assertThat(saved.toArray()).isDeepEqualTo(expected);
        }
    }

    @Test
    void aFailedTileStopsTheRestAndNamesWhatFailed() {
        slow.failKeysContaining = "/3_";
        try (Wren wren = Wren.builder().workers(WORKERS).objectStore(slow, "w").build()) {
            assertThatThrownBy(() -> wren.zeros(200, 200, 8))
                    .isInstanceOf(WrenException.class)
                    .hasMessageStartingWith("storing ")
                    .hasMessageContaining("disk full");
            // tiles after the failure were not all started: at most a window's worth more than the failing row's
            assertThat(slow.puts.get()).isLessThan(25 * 25);
        }
    }

    /** An object store whose writes complete 1 ms after they are issued, counting writes in flight. */
    private static final class SlowStore implements ObjectStore {
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        final ConcurrentHashMap<String, byte[]> objects = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final AtomicInteger puts = new AtomicInteger();
        volatile String failKeysContaining;

        private <T> CompletionStage<T> later(String key, java.util.function.Supplier<T> write) {
            puts.incrementAndGet();
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            var f = new CompletableFuture<T>();
            timer.schedule(() -> {
                inFlight.decrementAndGet();
                String fail = failKeysContaining;
                if (fail != null && key.contains(fail) && key.contains("/")) {
                    f.completeExceptionally(new java.io.IOException("disk full writing " + key));
                } else {
                    f.complete(write.get());
                }
            }, 1, TimeUnit.MILLISECONDS);
            return f;
        }

        @Override
        public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
            return later(key, () -> objects.putIfAbsent(key, bytes) == null ? PutResult.CREATED : PutResult.EXISTED);
        }

        @Override
        public CompletionStage<Void> put(String key, byte[] bytes) {
            return later(key, () -> {
                objects.put(key, bytes);
                return null;
            });
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
            return CompletableFuture.completedFuture(objects.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList());
        }

        @Override
        public String describe() {
            return "a slow test store";
        }

        @Override
        public void close() {
        }
    }
}
