package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.kernels.DenseLinalg;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.ForwardingObjectStore;
import org.wren4j.tiles.MemoryObjectStore;
import org.wren4j.tiles.TileStore;
import org.wren4j.tiles.TransientStoreException;

/**
 * Workers run a ready-on-completion child ahead from the outputs in hand, and its delayed backup
 * covers every way that run can fail.
 */
class RunAheadTest {

    private static EngineConfig config(Duration visibility) {
        return EngineConfig.defaults().withMaxWorkers(2)
                .withWorker(new WorkerConfig(2, visibility, Duration.ofMillis(300), 3, Duration.ofMillis(10)).withRunAhead(true));
    }

    @Test
    void choleskyRunsAheadAlongItsCriticalPathAndStaysExact() {
        var c = new CholeskyCase(200, 32, 11); // 7 x 7 tiles
        // writes that take a while, as an object store's do (on plain memory nobody runs ahead)
        TileStore store = new TileStore(new SlowWrites(new MemoryObjectStore()), "wren4j");
        c.writeInput(store, "A");
        JobResult r;
        try (var engine = ExecEngine.embedded(store, config(Duration.ofSeconds(30)))) {
            r = engine.run(c.spec("ahead", "A", "L"), ProgressListener.NONE);
        }
        assertThat(DenseLinalg.choleskyResidual(c.matrix(), c.readFactor(store, "L"), c.n())).isLessThan(1e-14);
        assertThat(r.metrics().runAhead()).as("tasks run ahead").isPositive();
        // the backups of the tasks run ahead found them done: no task ran twice
        assertThat(r.executions()).isEqualTo(r.tasks());
        assertThat(r.metrics().repeatedExecutions()).isZero();
    }

    /**
     * The first write of every tile fails: a task run ahead is then dropped (it is never retried
     * in place), and only its delayed backup can complete it. Without backups the job would stall.
     */
    @Test
    void aRunAheadThatFailsIsCompletedByItsBackup() {
        var c = new CholeskyCase(6 * 16, 16, 3);
        var failedOnce = new AtomicInteger();
        var objects = new FailFirstWrite(new MemoryObjectStore(), failedOnce);
        TileStore store = new TileStore(objects, "wren4j");
        objects.armed = false;
        c.writeInput(store, "A");
        objects.armed = true;
        JobResult r;
        try (var engine = ExecEngine.withServices(store, new MemoryTaskQueue(), new MemoryRuntimeState(), config(Duration.ofSeconds(1)))) {
            engine.submit(c.spec("ahead-faults", "A", "L"));
            r = engine.await("ahead-faults", Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE);
        }
        objects.armed = false;
        assertThat(r.tasks()).isEqualTo(c.tasks());
        assertThat(failedOnce.get()).as("writes failed").isGreaterThanOrEqualTo((int) c.tasks());
        assertThat(DenseLinalg.choleskyResidual(c.matrix(), c.readFactor(store, "L"), c.n())).isLessThan(1e-14);
    }

    @Test
    void nobodyRunsAheadOnAnInMemoryStore() {
        var c = new CholeskyCase(200, 32, 11);
        TileStore store = TileStore.inMemory();
        c.writeInput(store, "A");
        JobResult r;
        try (var engine = ExecEngine.embedded(store, config(Duration.ofSeconds(30)))) {
            r = engine.run(c.spec("no-ahead", "A", "L"), ProgressListener.NONE);
        }
        assertThat(r.metrics().runAhead()).isZero();
        assertThat(DenseLinalg.choleskyResidual(c.matrix(), c.readFactor(store, "L"), c.n())).isLessThan(1e-14);
    }

    /** Each write completes 20 ms late, on another thread. */
    private static final class SlowWrites extends ForwardingObjectStore {
        SlowWrites(MemoryObjectStore delegate) {
            super(delegate);
        }

        @Override
        public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(20, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .thenCompose(x -> super.putIfAbsent(key, bytes));
        }
    }

    /** Fails the first write of each key (while armed) with a transient error. */
    private static final class FailFirstWrite extends ForwardingObjectStore {
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final AtomicInteger failed;
        volatile boolean armed;

        FailFirstWrite(MemoryObjectStore delegate, AtomicInteger failed) {
            super(delegate);
            this.failed = failed;
        }

        @Override
        public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
            if (armed && seen.add(key)) {
                failed.incrementAndGet();
                return CompletableFuture.failedFuture(new TransientStoreException("injected: first write of " + key));
            }
            return super.putIfAbsent(key, bytes);
        }
    }
}
