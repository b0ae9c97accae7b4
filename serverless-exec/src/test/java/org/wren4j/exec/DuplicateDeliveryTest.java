package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.job.Structure;
import org.wren4j.exec.kernels.DenseLinalg;
import org.wren4j.exec.queue.Lease;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.planner.library.Programs;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;
import org.wren4j.tiles.TileStore;

/** Every message delivered twice: the result is still exact and each task completes once. */
class DuplicateDeliveryTest {

    /** Sends every message twice. */
    static final class DoublingQueue implements TaskQueue {
        final MemoryTaskQueue inner = new MemoryTaskQueue();

        @Override
        public CompletionStage<Void> send(List<TaskMessage> messages) {
            var twice = new ArrayList<TaskMessage>(messages);
            twice.addAll(messages);
            return inner.send(twice);
        }

        @Override
        public CompletionStage<List<Lease>> lease(int max, Duration visibility, Duration wait) {
            return inner.lease(max, visibility, wait);
        }

        @Override
        public CompletionStage<Void> renew(Lease lease, Duration visibility) {
            return inner.renew(lease, visibility);
        }

        @Override
        public CompletionStage<Void> ack(Lease lease) {
            return inner.ack(lease);
        }

        @Override
        public CompletionStage<Void> release(Lease lease, Duration delay) {
            return inner.release(lease, delay);
        }

        @Override
        public CompletionStage<Long> pending() {
            return inner.pending();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void choleskyWithEveryMessageDuplicatedIsBitwiseEqual() {
        int n = 70;
        int b = 16;
        long tiles = 5;
        var r = new SplittableRandom(3);
        double[] a = new double[n * n];
        for (int c = 0; c < n; c++) {
            for (int row = c; row < n; row++) {
                double v = r.nextDouble();
                a[c * n + row] = v;
                a[row * n + c] = v;
            }
            a[c * n + c] += n;
        }
        double[] plain = run(new MemoryTaskQueue(), a, n, b, tiles);
        double[] doubled = run(new DoublingQueue(), a, n, b, tiles);
        assertThat(doubled).containsExactly(plain);
        assertThat(DenseLinalg.choleskyResidual(a, doubled, n)).isLessThan(1e-14);
    }

    private static double[] run(TaskQueue queue, double[] a, int n, int b, long tiles) {
        TileStore store = TileStore.inMemory();
        for (long i = 0; i < tiles; i++) {
            for (long j = 0; j < tiles; j++) {
                int rows = (int) Math.min(b, n - i * b);
                int cols = (int) Math.min(b, n - j * b);
                double[] v = new double[rows * cols];
                for (int c = 0; c < cols; c++) {
                    for (int row = 0; row < rows; row++) {
                        v[c * rows + row] = a[(int) ((j * b + c) * n + i * b + row)];
                    }
                }
                store.write(TileKey.of("A", i, j), Tile.wrap(rows, cols, v)).toCompletableFuture().join();
            }
        }
        var config = EngineConfig.defaults().withMaxWorkers(2)
                .withWorker(new WorkerConfig(2, Duration.ofSeconds(10), Duration.ofMillis(500), 3, Duration.ofMillis(10)));
        try (var engine = ExecEngine.withServices(store, queue, new MemoryRuntimeState(), config)) {
            var spec = new JobSpec("dup", "cholesky", Programs.cholesky(), Map.of("N", tiles), Map.of(
                    "A", new MatrixBinding("A", n, n, b, Structure.GENERAL),
                    "O", new MatrixBinding("L", n, n, b, Structure.LOWER),
                    "S", MatrixBinding.temporary("tmp/S")));
            engine.submit(spec);
            JobResult result = engine.await("dup", Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE);
            assertThat(result.tasks()).isEqualTo(35);
            double[] out = new double[n * n];
            for (long i = 0; i < tiles; i++) {
                for (long j = 0; j <= i; j++) {
                    Tile t = store.read(TileKey.of("L", i, j)).toCompletableFuture().join();
                    for (int c = 0; c < t.cols(); c++) {
                        for (int row = 0; row < t.rows(); row++) {
                            out[(int) ((j * b + c) * n + i * b + row)] = t.get(row, c);
                        }
                    }
                }
            }
            // temporaries are gone, outputs stay
            assertThat(store.listMatrixKeys("tmp/S").toCompletableFuture().join()).isEmpty();
            return out;
        }
    }
}
