package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobFailedException;
import org.wren4j.exec.job.JobFailure;
import org.wren4j.exec.queue.DuplicatingTaskQueue;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.exec.services.ServiceEndpoints;
import org.wren4j.exec.services.Services;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.ServicesFixture;
import org.wren4j.exec.worker.FaultTimeouts;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.FaultInjectingObjectStore;
import org.wren4j.spi.ObjectStore;
import org.wren4j.tiles.TileStore;

/**
 * Faults of the services themselves, with worker threads on real Redis (append-only file on),
 * ElasticMQ and s3proxy: Redis or s3proxy killed and restarted mid-run, transient S3 failures, duplicated
 * deliveries, forged task messages. Each job still gives the bits of the fault-free in-memory run.
 */
class ServiceFaultsIT {
    private static final CholeskyCase CASE = new CholeskyCase(1024, 64, 7);
    private static final WorkerConfig WORKER = new WorkerConfig(2, Duration.ofSeconds(3), Duration.ofMillis(500), 30, Duration.ofMillis(20));
    private static ServicesFixture services;
    private static double[] reference;

    @BeforeAll
    static void start() {
        services = ServicesFixture.start(true);
        TileStore store = TileStore.inMemory();
        CASE.writeInput(store, "A");
        try (var engine = ExecEngine.embedded(store, EngineConfig.defaults().withMaxWorkers(2))) {
            engine.run(CASE.spec("reference", "A", "L"), ProgressListener.NONE);
        }
        reference = CASE.readFactor(store, "L");
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    private static JobResult run(String jobId, UnaryOperator<ObjectStore> storeFaults, double duplicates, Consumer<Long> atThirtyPercent) {
        return run(jobId, storeFaults, duplicates, (queue, done) -> atThirtyPercent.accept(done));
    }

    private static JobResult run(String jobId, UnaryOperator<ObjectStore> storeFaults, double duplicates,
                                 BiConsumer<TaskQueue, Long> atThirtyPercent) {
        ServiceEndpoints e = services.endpoints();
        Services clean = Services.open(e);
        CASE.writeInput(clean.store(), "A");
        Services s = Services.open(e, storeFaults);
        var config = EngineConfig.defaults().withMaxWorkers(3).withWorker(WORKER);
        var queue = duplicates > 0 ? new DuplicatingTaskQueue(s.queue(), duplicates, 5) : s.queue();
        try (var engine = ExecEngine.withServices(s.store(), queue, s.state(), config)) {
            var fired = new AtomicInteger();
            engine.submit(CASE.spec(jobId, "A", "L"));
            JobResult r = engine.await(jobId, Optional.of(Duration.ofMinutes(4)), (op, done, total, sec) -> {
                if (done >= 0.3 * total && fired.getAndIncrement() == 0) {
                    atThirtyPercent.accept(queue, done);
                }
            });
            assertThat(r.tasks()).isEqualTo(CASE.tasks());
            CholeskyCase.assertBitwiseEqual(CASE.readFactor(clean.store(), "L"), reference);
            return r;
        } finally {
            s.store().close();
            clean.close();
        }
    }

    @Test
    void redisKilledAndRestartedMidRunWithAppendOnlyFile() {
        JobResult r = run("redis-restart", UnaryOperator.identity(), 0, done -> {
            services.redis.kill();
            services.redis.restart();
        });
        System.out.printf("redis restart: %d tasks, %d executions, %d repeated, %.1f s%n",
                r.tasks(), r.executions(), r.metrics().repeatedExecutions(), r.seconds());
    }

    /**
     * s3proxy killed (SIGKILL) mid-job and started again on its data directory: the input and the
     * tiles written so far are still there, the requests lost with it are retried, and the factor
     * is the fault-free one bit for bit.
     */
    @Test
    void s3proxyKilledAndRestartedOnItsDataMidRun() {
        JobResult r = run("s3-restart", UnaryOperator.identity(), 0, done -> services.s3.restart());
        System.out.printf("s3proxy restart: %d tasks, %d executions, %d repeated, %.1f s%n",
                r.tasks(), r.executions(), r.metrics().repeatedExecutions(), r.seconds());
    }

    /**
     * ElasticMQ restarted mid-job (the hang at 248/816): its in-memory queues are lost, so
     * the job either finishes exact or fails within the stall timeout naming the task queue; it
     * never hangs.
     */
    @Test
    void elasticMqRestartedMidRunFinishesOrFailsClearly() {
        ServiceEndpoints e = services.endpoints();
        Services s = Services.open(e);
        CASE.writeInput(s.store(), "A");
        var faults = FaultTimeouts.builder().retryWindow(Duration.ofSeconds(5)).stallTimeout(Duration.ofSeconds(15)).build();
        var config = EngineConfig.defaults().withMaxWorkers(3).withWorker(WORKER.withFaults(faults));
        try (var engine = ExecEngine.withServices(s.store(), s.queue(), s.state(), config)) {
            var fired = new AtomicInteger();
            engine.submit(CASE.spec("sqs-restart", "A", "L"));
            long start = System.nanoTime();
            try {
                engine.await("sqs-restart", Optional.of(Duration.ofMinutes(4)), (op, done, total, sec) -> {
                    if (done >= 0.3 * total && fired.getAndIncrement() == 0) {
                        services.sqs.restart();
                    }
                });
                CholeskyCase.assertBitwiseEqual(CASE.readFactor(s.store(), "L"), reference);
                System.out.println("elasticmq restart: finished exact");
            } catch (JobFailedException failed) {
                System.out.println("elasticmq restart: " + failed.getMessage());
                assertThat(failed.getMessage()).contains("stalled").contains("the task queue");
                assertThat(failed.failure().kind()).isNotEqualTo(JobFailure.Kind.TIMED_OUT);
            }
            // a generous bound, to tell a clear failure from a hang
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(180);
        } finally {
            s.close();
        }
    }

    /**
     * Redis flushed mid-job (as a restart without persistence or a failover to an empty replica
     * leaves it): the job fails at once with one line saying its runtime state was lost and
     * where, never a stack trace or a hang.
     */
    @Test
    void redisFlushedMidRunFailsNamingTheLostState() {
        ServiceEndpoints e = services.endpoints();
        Services s = Services.open(e);
        CASE.writeInput(s.store(), "A");
        var config = EngineConfig.defaults().withMaxWorkers(3).withWorker(WORKER);
        var flusher = io.lettuce.core.RedisClient.create(services.redis.uri());
        try (var engine = ExecEngine.withServices(s.store(), s.queue(), s.state(), config); var flush = flusher.connect()) {
            var fired = new AtomicInteger();
            engine.submit(CASE.spec("redis-flush", "A", "L"));
            long start = System.nanoTime();
            assertThatThrownBy(() -> engine.await("redis-flush", Optional.of(Duration.ofMinutes(2)), (op, done, total, sec) -> {
                if (done >= 0.3 * total && fired.getAndIncrement() == 0) {
                    flush.sync().flushall();
                }
            })).isInstanceOfSatisfying(JobFailedException.class, failed -> {
                System.out.println("redis flush: " + failed.getMessage());
                assertThat(failed.getMessage()).contains("lost its runtime state").contains("Redis at 127.0.0.1:" + services.redis.port())
                        .contains("no longer knows job redis-flush").doesNotContain("\n");
                assertThat(failed.failure().kind()).isEqualTo(JobFailure.Kind.FAILED);
            });
            assertThat((System.nanoTime() - start) / 1e9).as("fails at once, not after the stall timeout").isLessThan(60);
        } finally {
            flusher.shutdown();
            s.close();
        }
    }

    @Test
    void transientS3FailuresAreRetried() {
        var options = FaultInjectingObjectStore.Options.builder().seed(3).failureRate(0.05).lostResponseRate(0.02)
                .operations(EnumSet.of(FaultInjectingObjectStore.Operation.GET, FaultInjectingObjectStore.Operation.PUT_IF_ABSENT))
                .build();
        var injected = new FaultInjectingObjectStore[1];
        JobResult r = run("s3-faults", o -> injected[0] = new FaultInjectingObjectStore(o, options), 0, done -> { });
        System.out.printf("s3 faults: %d injected; %d tasks, %d executions, %d repeated, %.1f s%n",
                injected[0].injectedFaults(), r.tasks(), r.executions(), r.metrics().repeatedExecutions(), r.seconds());
        assertThat(injected[0].injectedFaults()).isPositive();
        assertThat(r.metrics().repeatedExecutions()).isPositive();
    }

    @Test
    void duplicatedDeliveriesRunNoTaskTwiceOnceDone() {
        JobResult r = run("duplicates", UnaryOperator.identity(), 0.5, done -> { });
        System.out.printf("duplicates: %d tasks, %d executions, %d skipped as done, %.1f s%n",
                r.tasks(), r.executions(), r.metrics().skipped(), r.seconds());
        assertThat(r.executions() + r.metrics().skipped()).isGreaterThan(r.tasks());
    }

    @Test
    void forgedTaskMessagesAreRefusedAndCounted() {
        List<String> forged = List.of("s0:1000", "s0:-1", "s99:0", "s2:0,1,99", "not-a-task");
        JobResult r = run("forged", UnaryOperator.identity(), 0, (queue, done) -> queue.send(
                forged.stream().map(k -> new TaskMessage("forged", k, Long.MIN_VALUE)).toList()).toCompletableFuture().join());
        System.out.printf("forged: %d refused; %d tasks, %d executions, %.1f s%n",
                r.metrics().refusedMessages(), r.tasks(), r.executions(), r.seconds());
        assertThat(r.metrics().refusedMessages()).isEqualTo(forged.size());
    }
}
