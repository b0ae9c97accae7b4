package org.wren4j.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FaultInjectingObjectStoreTest {
    private static FaultInjectingObjectStore faulty(double failureRate, double lostRate, long seed) {
        return new FaultInjectingObjectStore(new MemoryObjectStore(),
                FaultInjectingObjectStore.Options.builder().seed(seed).failureRate(failureRate).lostResponseRate(lostRate).build());
    }

    /** Which of 200 sequential GETs fail. */
    private static List<Integer> failurePattern(FaultInjectingObjectStore store) {
        var failed = new ArrayList<Integer>();
        for (int i = 0; i < 200; i++) {
            try {
                store.get("k" + i).toCompletableFuture().join();
            } catch (CompletionException e) {
                assertThat(e.getCause()).isInstanceOf(TransientStoreException.class).hasMessageContaining("injected fault")
                        .hasMessageContaining("k" + i);
                failed.add(i);
            }
        }
        return failed;
    }

    @Test
    void sameSeedSameFaultsAndTheRateIsRoughlyHonoured() {
        List<Integer> a = failurePattern(faulty(0.25, 0, 42));
        assertThat(failurePattern(faulty(0.25, 0, 42))).isEqualTo(a);
        assertThat(failurePattern(faulty(0.25, 0, 43))).isNotEqualTo(a);
        assertThat(a.size()).isBetween(25, 75);
    }

    @Test
    void zeroRateNeverFailsAndOneAlwaysFails() {
        assertThat(failurePattern(faulty(0, 0, 1))).isEmpty();
        assertThat(failurePattern(faulty(1, 0, 1))).hasSize(200);
    }

    @Test
    void lostResponsesApplyTheWrite() {
        FaultInjectingObjectStore store = faulty(0, 1, 3);
        assertThatThrownBy(() -> store.put("k", new byte[] {7}).toCompletableFuture().join())
                .hasCauseInstanceOf(TransientStoreException.class).hasMessageContaining("lost the response");
        assertThat(store.get("k").toCompletableFuture().join()).hasValue(new byte[] {7});
        assertThat(store.injectedFaults()).isEqualTo(1);
    }

    @Test
    void scriptedFailuresAndOperationFilter() {
        var store = new FaultInjectingObjectStore(new MemoryObjectStore(), FaultInjectingObjectStore.Options.builder()
                .operations(Set.of(FaultInjectingObjectStore.Operation.GET)).build());
        store.failNext(2);
        store.put("k", new byte[] {1}).toCompletableFuture().join(); // not subject to faults
        assertThat(failurePattern(store)).containsExactly(0, 1);
    }

    @Test
    void delaysDoNotBlockTheCaller() {
        var store = new FaultInjectingObjectStore(new MemoryObjectStore(), FaultInjectingObjectStore.Options.builder()
                .delay(Duration.ofMillis(500), Duration.ofMillis(500)).build());
        var pending = store.get("k").toCompletableFuture();
        assertThat(pending).isNotDone();
        assertThat(pending.join()).isEmpty();
    }

    @Test
    void tileStoreOverRetriesSurvivesFaultsAndLostResponses() {
        var faulty = new FaultInjectingObjectStore(new MemoryObjectStore(), FaultInjectingObjectStore.Options.builder()
                .seed(9).failureRate(0.3).lostResponseRate(0.2).delay(Duration.ZERO, Duration.ofMillis(2)).build());
        try (var tiles = new TileStore(new RetryingObjectStore(faulty, new RetryPolicy(30, Backoff.none())), "wren4j")) {
            MatrixManifest m = AbstractTileStoreTest.join(tiles.createMatrix(MatrixManifest.of("A", 20, 20, 6, 6)));
            double[][] a = new double[20][20];
            for (int r = 0; r < 20; r++) {
                for (int c = 0; c < 20; c++) {
                    a[r][c] = r - 2.5 * c;
                }
            }
            AbstractTileStoreTest.join(tiles.matrix(m).writeAll(a));
            assertThat(AbstractTileStoreTest.join(tiles.matrix(AbstractTileStoreTest.join(tiles.openMatrix("A"))).readAll()))
                    .isDeepEqualTo(a);
        }
        assertThat(faulty.injectedFaults()).isGreaterThan(5);
    }

    @Test
    void withoutRetriesTheFaultReachesTheCallerAsTransient() {
        var faulty = faulty(1, 0, 1);
        try (var tiles = new TileStore(faulty, "w")) {
            assertThatThrownBy(() -> AbstractTileStoreTest.join(tiles.read(TileKey.of("A", 0, 0))))
                    .isInstanceOf(TransientStoreException.class);
        }
    }
}
