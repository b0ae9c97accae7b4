package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobFailedException;
import org.wren4j.exec.job.JobFailure;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.CorruptingObjectStore;
import org.wren4j.exec.testing.OutageObjectStore;
import org.wren4j.exec.testing.OutageQueue;
import org.wren4j.exec.worker.FaultTimeouts;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.MemoryObjectStore;
import org.wren4j.tiles.TileStore;

/**
 * A task queue that stops answering mid-job, as a stopped ElasticMQ does: an outage shorter than
 * the retry window is ridden out (the result is exact), one that never ends fails the job within
 * the stall timeout with a line naming the queue, never a hang. A corrupt input tile fails the job
 * at once instead of being retried.
 */
class ServiceOutageTest {
    private static final CholeskyCase CASE = new CholeskyCase(96, 16, 5);
    private static final FaultTimeouts FAULTS = FaultTimeouts.builder().retryWindow(Duration.ofSeconds(4)).stallTimeout(Duration.ofSeconds(8)).build();
    private static final EngineConfig CONFIG = EngineConfig.defaults().withMaxWorkers(2)
            .withWorker(new WorkerConfig(2, Duration.ofSeconds(1), Duration.ofMillis(300), 3, Duration.ofMillis(10)).withFaults(FAULTS));

    @Test
    void queueOutageShorterThanTheRetryWindowIsRiddenOut() throws InterruptedException {
        double[] plain = factor(new OutageQueue(new MemoryTaskQueue()), Duration.ZERO);
        var queue = new OutageQueue(new MemoryTaskQueue());
        double[] survived = factor(queue, Duration.ofSeconds(2));
        assertThat(queue.refused()).as("the outage happened mid-job").isPositive();
        CholeskyCase.assertBitwiseEqual(survived, plain);
    }

    @Test
    void storeOutageShorterThanTheRetryWindowIsRiddenOut() throws InterruptedException {
        var objects = new OutageObjectStore(new MemoryObjectStore());
        TileStore store = new TileStore(objects, "wren4j");
        CASE.writeInput(store, "A");
        objects.downAfterWrites(5);
        try (var engine = ExecEngine.withServices(store, new MemoryTaskQueue(), new MemoryRuntimeState(), CONFIG)) {
            Thread restarter = new Thread(() -> {
                try {
                    objects.wentDown().await(1, TimeUnit.MINUTES);
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    objects.up();
                }
            });
            restarter.start();
            engine.submit(CASE.spec("store-outage", "A", "L"));
            JobResult r = engine.await("store-outage", Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE);
            restarter.join();
            assertThat(objects.wentDown().getCount()).as("the outage happened mid-job").isZero();
            assertThat(r.tasks()).isEqualTo(CASE.tasks());
            CholeskyCase.assertBitwiseEqual(CASE.readFactor(store, "L"), factor(new OutageQueue(new MemoryTaskQueue()), Duration.ZERO));
        }
    }

    @Test
    void queueThatNeverComesBackFailsTheJobNamingTheQueue() {
        TileStore store = TileStore.inMemory();
        CASE.writeInput(store, "A");
        var queue = new OutageQueue(new MemoryTaskQueue());
        try (var engine = ExecEngine.withServices(store, queue, new MemoryRuntimeState(), CONFIG)) {
            queue.downAfterAcks(3);
            engine.submit(CASE.spec("lost-queue", "A", "L"));
            long start = System.nanoTime();
            JobFailedException failed = catchThrowableOfType(
                    () -> engine.await("lost-queue", Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE), JobFailedException.class);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(failed).isNotNull();
            assertThat(failed.failure().kind()).isEqualTo(JobFailure.Kind.FAILED);
            assertThat(failed.getMessage()).contains("cholesky stalled at").contains("no task completed for 8 s")
                    .contains("the task queue (outage queue over MemoryTaskQueue) has not answered for").contains("Connection refused");
            // a generous bound, to tell a stall detected from a hang
            assertThat(seconds).isLessThan(FAULTS.stallTimeout().toSeconds() + 30);
        }
    }

    @Test
    void corruptInputTileFailsTheJobAtOnce() {
        var objects = new CorruptingObjectStore(new MemoryObjectStore());
        TileStore store = new TileStore(objects, "wren4j");
        objects.corruptNextWrite();
        CASE.writeInput(store, "A");
        // a long retry window and many attempts: a retried corrupt tile would be read again and again
        var config = CONFIG.withWorker(CONFIG.worker().withFaults(FaultTimeouts.forLease(Duration.ofSeconds(1))));
        try (var engine = ExecEngine.withServices(store, new MemoryTaskQueue(), new MemoryRuntimeState(), config)) {
            engine.submit(CASE.spec("corrupt", "A", "L"));
            assertThatThrownBy(() -> engine.await("corrupt", Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE))
                    .isInstanceOfSatisfying(JobFailedException.class, e -> {
                        assertThat(e.failure().kind()).isEqualTo(JobFailure.Kind.STORAGE);
                        assertThat(e.failure().reason()).contains("broken for good");
                    });
        }
        assertThat(objects.corruptReads()).as("reads of the corrupt tile").isEqualTo(1);
    }

    /** Factors CASE; after a few tasks the queue goes down for {@code outage} (none: no outage). */
    private static double[] factor(OutageQueue queue, Duration outage) throws InterruptedException {
        TileStore store = TileStore.inMemory();
        CASE.writeInput(store, "A");
        if (!outage.isZero()) {
            queue.downAfterAcks(3);
        }
        try (var engine = ExecEngine.withServices(store, queue, new MemoryRuntimeState(), CONFIG)) {
            Thread restarter = new Thread(() -> {
                try {
                    if (queue.wentDown().await(1, TimeUnit.MINUTES)) {
                        Thread.sleep(outage.toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    queue.up();
                }
            });
            restarter.start();
            engine.submit(CASE.spec("outage", "A", "L"));
            JobResult r = engine.await("outage", Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE);
            restarter.interrupt();
            restarter.join();
            assertThat(r.tasks()).isEqualTo(CASE.tasks());
            return CASE.readFactor(store, "L");
        }
    }
}
