package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.kernels.DenseLinalg;
import org.wren4j.exec.queue.DuplicatingTaskQueue;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.state.ChildCount;
import org.wren4j.exec.state.Completion;
import org.wren4j.exec.state.JobState;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.exec.state.TileReaders;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.RecordingObjectStore;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.library.Programs;
import org.wren4j.tiles.StoredTiles;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;
import org.wren4j.tiles.TileStore;

/**
 * Eager garbage collection on the embedded engine: intermediate tiles are deleted while the job
 * runs (the store never holds all of them at once), results still match a dense reference, and
 * inputs and outputs are never deleted.
 */
class EagerGarbageCollectionTest {
    private static final EngineConfig CONFIG = EngineConfig.defaults().withMaxWorkers(2)
            .withWorker(new WorkerConfig(2, Duration.ofSeconds(10), Duration.ofMillis(300), 3, Duration.ofMillis(10)));

    @Test
    void choleskyDeletesEachTemporaryWhenItsReaderCompletes() {
        var c = new CholeskyCase(200, 32, 11); // 7 x 7 tiles: 56 updates, each writes one tile of S
        var objects = new RecordingObjectStore("wren4j/" + CholeskyCase.temporary("gc-chol") + "/");
        TileStore store = new TileStore(objects, "wren4j");
        c.writeInput(store, "A");
        JobResult r;
        try (var engine = ExecEngine.embedded(store, CONFIG)) {
            r = engine.run(c.spec("gc-chol", "A", "L"), ProgressListener.NONE);
        }
        double[] factor = c.readFactor(store, "L");
        assertThat(DenseLinalg.choleskyResidual(c.matrix(), factor, c.n())).isLessThan(1e-14);
        long updates = 6 * 7 * 8 / 6;
        assertThat(objects.created()).isEqualTo(updates);
        // all deleted before the job ended: without eager GC the peak would be every tile written
        assertThat(objects.peakLive()).isLessThan((int) updates);
        assertThat(r.metrics().temporaryTilesCollected()).isEqualTo(updates);
        assertThat(r.metrics().temporaryBytesWritten()).isEqualTo(r.metrics().temporaryBytesCollected()).isPositive();
        assertThat(r.metrics().peakLiveTemporaryBytes()).isPositive().isLessThan(r.metrics().temporaryBytesWritten());
        assertThat(store.listMatrixKeys(CholeskyCase.temporary("gc-chol")).toCompletableFuture().join()).isEmpty();
        assertUntouched(objects, "A", "L");
        assertThat(readSquare(store, "A", c.n(), c.block())).containsExactly(c.matrix());
    }

    @Test
    void gemmReductionTreeCollectsPartialSumsAndStaysExact() {
        int block = 8;
        long m = 2;
        long n = 3;
        // fan-in 8: per output tile 13 partial sums, then 2, then the root. All 13 may exist at
        // once (leaves start first), but the 2 of the next level are read, and deleted, early
        long k = 100;
        double[] a = random(m * block, k * block, 1);
        double[] b = random(k * block, n * block, 2);
        var objects = new RecordingObjectStore("wren4j/tmp/gc-gemm/");
        TileStore store = new TileStore(objects, "wren4j");
        writeTiles(store, "A", a, (int) (m * block), (int) (k * block), block);
        writeTiles(store, "B", b, (int) (k * block), (int) (n * block), block);
        var spec = new JobSpec("gc-gemm", "gemm", Programs.gemm(), Map.of("M", m, "N", n, "K", k), Map.of(
                "A", new MatrixBinding("A", m * block, k * block, block, StoredTiles.ALL),
                "B", new MatrixBinding("B", k * block, n * block, block, StoredTiles.ALL),
                "C", new MatrixBinding("C", m * block, n * block, block, StoredTiles.ALL),
                "T", MatrixBinding.temporary("tmp/gc-gemm/T")));
        JobResult r;
        try (var engine = ExecEngine.embedded(store, CONFIG)) {
            r = engine.run(spec, ProgressListener.NONE);
        }
        double[] product = readMatrix(store, "C", (int) (m * block), (int) (n * block), block);
        assertThat(DenseLinalg.gemmResidual(a, b, product, (int) (m * block), (int) (k * block), (int) (n * block))).isLessThan(1e-14);
        assertThat(objects.created()).isPositive();
        assertThat(r.metrics().temporaryTilesCollected()).isEqualTo(objects.created());
        assertThat(objects.created()).isEqualTo(2 * 3 * (13 + 2));
        assertThat(objects.peakLive()).isLessThan(objects.created());
        assertThat(store.listMatrixKeys("tmp/gc-gemm/T").toCompletableFuture().join()).isEmpty();
        assertUntouched(objects, "A", "B", "C");
        assertThat(readMatrix(store, "A", (int) (m * block), (int) (k * block), block)).containsExactly(a);
        assertThat(readMatrix(store, "B", (int) (k * block), (int) (n * block), block)).containsExactly(b);
    }

    @Test
    void dryRunCountsNothing() {
        var c = new CholeskyCase(8 * 32, 32, 1);
        try (var engine = ExecEngine.embedded(TileStore.inMemory(), CONFIG)) {
            JobResult r = engine.run(c.spec("gc-dry", "A", "L").asDryRun(), ProgressListener.NONE);
            assertThat(r.metrics().temporaryBytesWritten()).isZero();
            assertThat(r.metrics().temporaryTilesCollected()).isZero();
        }
    }

    /**
     * Two copies of one update run at once. The first is held after it found its task not done,
     * until the second has completed the task and deleted its input S[1, 2, 2] (one reader); it
     * then finds that input missing. With one attempt per task, treating that as a failure would
     * fail the job: it must count as "already done".
     */
    @Test
    void duplicateThatFindsItsInputCollectedIsAlreadyDone() throws Exception {
        var c = new CholeskyCase(4 * 16, 16, 5);
        String task = new Node(2, 1, 2, 2).key();
        var objects = new RecordingObjectStore("wren4j/" + CholeskyCase.temporary("gc-race") + "/");
        TileStore store = new TileStore(objects, "wren4j");
        c.writeInput(store, "A");
        var inputDeleted = new CountDownLatch(1);
        objects.onDelete(key -> {
            if (key.startsWith("wren4j/" + CholeskyCase.temporary("gc-race") + "/") && key.endsWith("/1_2_2")) {
                inputDeleted.countDown();
            }
        });
        var held = new AtomicBoolean();
        var raced = new AtomicBoolean();
        var state = new HoldingState(new MemoryRuntimeState(), task, () -> {
            if (!held.compareAndSet(false, true)) {
                return null;
            }
            return CompletableFuture.runAsync(() -> {
                try {
                    raced.set(inputDeleted.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        });
        var config = EngineConfig.defaults().withMaxWorkers(2)
                // no running ahead: the race needs the task run from its (duplicated) message
                .withWorker(new WorkerConfig(1, Duration.ofSeconds(30), Duration.ofMillis(300), 1, Duration.ofMillis(10)).withRunAhead(false));
        var queue = new DuplicatingTaskQueue(new MemoryTaskQueue(), 1.0, 3);
        try (var engine = ExecEngine.withServices(store, queue, state, config)) {
            engine.submit(c.spec("gc-race", "A", "L"));
            JobResult r = engine.await("gc-race", Optional.of(Duration.ofMinutes(1)), ProgressListener.NONE);
            assertThat(r.tasks()).isEqualTo(c.tasks());
        }
        assertThat(raced).as("the held copy resumed after its input was deleted").isTrue();
        assertThat(DenseLinalg.choleskyResidual(c.matrix(), c.readFactor(store, "L"), c.n())).isLessThan(1e-14);
        assertUntouched(objects, "A", "L");
    }

    /** Delays the first answer to "is {@code task} done?" (computed when asked) until {@code hold} completes. */
    private static final class HoldingState implements RuntimeState {
        private final RuntimeState d;
        private final String task;
        private final java.util.function.Supplier<CompletableFuture<Void>> hold;

        HoldingState(RuntimeState delegate, String task, java.util.function.Supplier<CompletableFuture<Void>> hold) {
            this.d = delegate;
            this.task = task;
            this.hold = hold;
        }

        @Override
        public CompletionStage<Boolean> isDone(String jobId, String taskKey) {
            CompletionStage<Boolean> answer = d.isDone(jobId, taskKey);
            CompletableFuture<Void> wait = taskKey.equals(task) ? hold.get() : null;
            return wait == null ? answer : answer.thenCombine(wait, (done, v) -> done);
        }

        @Override
        public CompletionStage<Void> startJob(String jobId, long totalTasks, String secret) {
            return d.startJob(jobId, totalTasks, secret);
        }

        @Override
        public CompletionStage<java.util.Optional<String>> secret(String jobId) {
            return d.secret(jobId);
        }

        @Override
        public CompletionStage<Completion> complete(String jobId, String taskKey, List<ChildCount> children, long written,
                                                    List<TileReaders> inputs) {
            return d.complete(jobId, taskKey, children, written, inputs);
        }

        @Override
        public CompletionStage<Void> addSpan(String jobId, String span) {
            return d.addSpan(jobId, span);
        }

        @Override
        public CompletionStage<List<String>> spans(String jobId) {
            return d.spans(jobId);
        }

        @Override
        public CompletionStage<Void> fail(String jobId, String error) {
            return d.fail(jobId, error);
        }

        @Override
        public CompletionStage<Void> cancel(String jobId) {
            return d.cancel(jobId);
        }

        @Override
        public CompletionStage<JobState> state(String jobId) {
            return d.state(jobId);
        }

        @Override
        public CompletionStage<Void> addCounters(String jobId, Map<String, Long> deltas) {
            return d.addCounters(jobId, deltas);
        }

        @Override
        public CompletionStage<Map<String, Long>> counters(String jobId) {
            return d.counters(jobId);
        }

        @Override
        public CompletionStage<Void> deleteJob(String jobId) {
            return d.deleteJob(jobId);
        }

        @Override
        public CompletionStage<Void> retireJob(String jobId) {
            return d.retireJob(jobId);
        }

        @Override
        public void close() {
            d.close();
        }
    }

    private static void assertUntouched(RecordingObjectStore objects, String... matrices) {
        for (String m : matrices) {
            assertThat(objects.deleted()).as("deletes of %s", m).noneMatch(k -> k.startsWith("wren4j/" + m + "/"));
        }
    }

    private static double[] random(long rows, long cols, long seed) {
        var r = new SplittableRandom(seed);
        double[] v = new double[(int) (rows * cols)];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextDouble() - 0.5;
        }
        return v;
    }

    /** Column-major {@code rows x cols} into tiles of {@code block}. */
    private static void writeTiles(TileStore store, String name, double[] a, int rows, int cols, int block) {
        for (int i = 0; i * block < rows; i++) {
            for (int j = 0; j * block < cols; j++) {
                double[] v = new double[block * block];
                for (int c = 0; c < block; c++) {
                    for (int row = 0; row < block; row++) {
                        v[c * block + row] = a[(j * block + c) * rows + i * block + row];
                    }
                }
                store.write(TileKey.of(name, i, j), Tile.wrap(block, block, v)).toCompletableFuture().join();
            }
        }
    }

    private static double[] readMatrix(TileStore store, String name, int rows, int cols, int block) {
        double[] out = new double[rows * cols];
        for (int i = 0; i * block < rows; i++) {
            for (int j = 0; j * block < cols; j++) {
                Tile t = store.read(TileKey.of(name, i, j)).toCompletableFuture().join();
                for (int c = 0; c < t.cols(); c++) {
                    for (int row = 0; row < t.rows(); row++) {
                        out[(j * block + c) * rows + i * block + row] = t.get(row, c);
                    }
                }
            }
        }
        return out;
    }

    private static double[] readSquare(TileStore store, String name, int n, int block) {
        double[] out = new double[n * n];
        for (int i = 0; i * block < n; i++) {
            for (int j = 0; j * block < n; j++) {
                Tile t = store.read(TileKey.of(name, i, j)).toCompletableFuture().join();
                for (int c = 0; c < t.cols(); c++) {
                    for (int row = 0; row < t.rows(); row++) {
                        out[(j * block + c) * n + i * block + row] = t.get(row, c);
                    }
                }
            }
        }
        return out;
    }
}
