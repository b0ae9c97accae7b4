package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.exec.queue.sqs.SqsQueueFactory;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.exec.state.redis.RedisRuntimeState;
import org.wren4j.exec.state.redis.RedisStateOptions;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.LocalRedis;
import org.wren4j.exec.testing.LocalSqs;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.TileStore;

/**
 * The control plane alone: a dry-run Cholesky (no tiles, no kernels) through the embedded
 * backend and through Redis + ElasticMQ on loopback, printing tasks per second. The size is
 * {@code -Dwren4j.bench.n} (default 65536, block 4096: 816 tasks; 524288 gives 357,760 tasks).
 * It checks that every task ran exactly once; the figures are for people, not assertions.
 */
class ControlPlaneBenchIT {
    private static final long N = Long.getLong("wren4j.bench.n", 65536);
    private static final int BLOCK = Integer.getInteger("wren4j.bench.block", 4096);
    private static final int WORKERS = Integer.getInteger("wren4j.bench.workers", 16);

    private static final WorkerConfig WORKER = new WorkerConfig(8, Duration.ofSeconds(30), Duration.ofSeconds(2), 5, Duration.ofMillis(20));

    private static CholeskyCase benchCase() {
        // the matrix is never materialised in a dry run: only n and the block matter
        return new CholeskyCase((int) N, BLOCK, 1);
    }

    private static void run(String backend, TaskQueue queue, RuntimeState state) {
        CholeskyCase c = benchCase();
        var config = EngineConfig.defaults().withMaxWorkers(WORKERS).withWorker(WORKER);
        try (var engine = ExecEngine.withServices(TileStore.inMemory(), queue, state, config)) {
            String job = "dry-" + backend + "-" + ProcessHandle.current().pid();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            engine.submit(c.spec(job, "A", "L").asDryRun());
            JobResult r = engine.await(job, Optional.of(Duration.ofHours(2)), ProgressListener.NONE);
            double s = (System.nanoTime() - t0) / 1e9;
            // CPU of this JVM (workers, and ElasticMQ when it runs here) per task: on a shared
            // machine a steadier figure than the rate
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / r.tasks();
            System.out.printf("dry-run cholesky n=%d block %d on %s: %d tasks in %.1f s = %.0f tasks/s, %.2f ms CPU/task (%d workers x pipeline %d, peak %d)%n",
                    N, BLOCK, backend, r.tasks(), s, r.tasks() / s, cpuMs, WORKERS, WORKER.pipelineWidth(), r.metrics().peakWorkers());
            assertThat(r.tasks()).isEqualTo(c.tasks());
            assertThat(r.executions()).isEqualTo(c.tasks());
        }
    }

    @Test
    void embedded() {
        run("embedded", new org.wren4j.exec.queue.MemoryTaskQueue(), new org.wren4j.exec.state.MemoryRuntimeState());
    }

    @Test
    void redisAndSqs() {
        try (LocalRedis redis = LocalRedis.start(); LocalSqs sqs = LocalSqs.start()) {
            TaskQueue queue = SqsQueueFactory.connect(sqs.endpoint(), "bench", sqs.options().build()).toCompletableFuture().join();
            run("redis+sqs", queue, RedisRuntimeState.connect(redis.uri(), RedisStateOptions.create()));
        }
    }
}
