package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.kernels.DenseLinalg;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.exec.queue.sqs.SqsQueueFactory;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.exec.state.redis.RedisRuntimeState;
import org.wren4j.exec.state.redis.RedisStateOptions;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.LocalRedis;
import org.wren4j.exec.testing.LocalSqs;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.planner.library.Programs;
import org.wren4j.tiles.StoredTiles;
import org.wren4j.tiles.TileStore;

/** A Cholesky on real Redis and ElasticMQ gives the very bits of the same job in memory. */
class ServicesCholeskyIT {
    private static LocalRedis redis;
    private static LocalSqs sqs;

    @BeforeAll
    static void startServers() {
        redis = LocalRedis.start();
        sqs = LocalSqs.start();
    }

    @AfterAll
    static void stopServers() {
        if (sqs != null) {
            sqs.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void choleskyOnRedisAndSqsIsBitwiseEqualToMemory() {
        var cholesky = new CholeskyCase(150, 32, 17);
        int n = cholesky.n();
        double[] a = cholesky.matrix();
        double[] memory = run(new MemoryTaskQueue(), new MemoryRuntimeState(), cholesky);
        TaskQueue queue = SqsQueueFactory.connect(sqs.endpoint(), "cholesky-it", sqs.options().build()).toCompletableFuture().join();
        RuntimeState state = RedisRuntimeState.connect(redis.uri(), RedisStateOptions.create());
        double[] services = run(queue, state, cholesky);
        assertThat(services).containsExactly(memory);
        assertThat(DenseLinalg.choleskyResidual(a, services, n)).isLessThan(1e-14);
    }

    private static double[] run(TaskQueue queue, RuntimeState state, CholeskyCase cholesky) {
        int n = cholesky.n();
        int b = cholesky.block();
        long tiles = cholesky.tiles();
        TileStore store = TileStore.inMemory();
        cholesky.writeInput(store, "A");
        // leases in whole seconds on SQS: 10 s, renewed every third of it
        var config = EngineConfig.defaults().withMaxWorkers(2)
                .withWorker(new WorkerConfig(2, Duration.ofSeconds(10), Duration.ofMillis(500), 3, Duration.ofMillis(10)));
        try (var engine = ExecEngine.withServices(store, queue, state, config)) {
            var spec = new JobSpec("chol-it", "cholesky", Programs.cholesky(), Map.of("N", tiles), Map.of(
                    "A", new MatrixBinding("A", n, n, b, StoredTiles.ALL),
                    "O", new MatrixBinding("L", n, n, b, StoredTiles.LOWER_TRIANGLE),
                    "S", MatrixBinding.temporary("tmp/chol-it/S")));
            long t0 = System.nanoTime();
            engine.submit(spec);
            JobResult result = engine.await("chol-it", Optional.of(Duration.ofMinutes(3)), ProgressListener.NONE);
            System.out.printf("cholesky %d/%d on %s + %s: %d tasks, %d executions, %.2f s%n", n, b,
                    queue.getClass().getSimpleName(), state.getClass().getSimpleName(), result.tasks(), result.executions(),
                    (System.nanoTime() - t0) / 1e9);
            assertThat(result.tasks()).isEqualTo(35);
            // every one of the 20 updates' tiles was deleted when its reader completed, not at job end
            assertThat(result.metrics().temporaryTilesCollected()).isEqualTo(20);
            assertThat(result.metrics().peakLiveTemporaryBytes()).isPositive().isLessThan(result.metrics().temporaryBytesWritten());
            double[] out = cholesky.readFactor(store, "L");
            assertThat(store.listMatrixKeys("tmp/S").toCompletableFuture().join()).isEmpty();
            return out;
        }
    }
}
