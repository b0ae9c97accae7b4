package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobFailedException;
import org.wren4j.exec.job.JobMetrics;
import org.wren4j.exec.job.TaskSpan;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.NoWorkers;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.TileStore;

/** Re-attaching to a job by id from another engine, dry runs, simulated runs, and the counters a job reports. */
class JobLifecycleTest {
    private static final EngineConfig CONFIG = EngineConfig.defaults().withMaxWorkers(2)
            .withWorker(new WorkerConfig(2, Duration.ofSeconds(10), Duration.ofMillis(300), 3, Duration.ofMillis(10)));


    @Test
    void aSecondEngineFinishesAJobByIdAlone() {
        var c = new CholeskyCase(90, 16, 5);
        TileStore store = TileStore.inMemory();
        c.writeInput(store, "A");
        double[] reference;
        try (var engine = ExecEngine.embedded(store, CONFIG)) {
            engine.run(c.spec("ref", "A", "Lref"), ProgressListener.NONE);
            reference = c.readFactor(store, "Lref");
        }
        var queue = new MemoryTaskQueue();
        var state = new MemoryRuntimeState();
        var first = ExecEngine.withServices(store, queue, state, CONFIG, h -> new NoWorkers());
        first.submit(c.spec("orphan", "A", "L"));
        // the second client knows nothing but the id: the spec comes from the store
        var second = ExecEngine.withServices(store, queue, state, CONFIG);
        JobResult r = second.await("orphan", Optional.of(Duration.ofMinutes(1)), ProgressListener.NONE);
        assertThat(r.tasks()).isEqualTo(c.tasks());
        assertThat(r.executions()).isEqualTo(c.tasks());
        assertThat(r.metrics().repeatedExecutions()).isZero();
        assertThat(r.metrics().bytesWritten()).isPositive();
        assertThat(r.metrics().peakWorkers()).isBetween(1L, 2L);
        assertThat(c.readFactor(store, "L")).containsExactly(reference);
        assertThat(store.listMatrixKeys(CholeskyCase.temporary("orphan")).toCompletableFuture().join()).isEmpty();
        second.close();
    }

    /**
     * A job whose spec is stored but whose runtime state (and with it its key) is gone cannot run
     * anywhere: re-attaching fails with one line saying so, and a job never submitted stays unknown.
     */
    @Test
    void reattachingToAJobThatLostItsStateSaysSo() {
        var c = new CholeskyCase(90, 16, 5);
        TileStore store = TileStore.inMemory();
        c.writeInput(store, "A");
        var queue = new MemoryTaskQueue();
        try (var first = ExecEngine.withServices(store, queue, new MemoryRuntimeState(), CONFIG, h -> new NoWorkers())) {
            first.submit(c.spec("forgotten", "A", "L"));
        }
        // the state store restarted empty: same queue and bucket, no job state
        try (var second = ExecEngine.withServices(store, queue, new MemoryRuntimeState(), CONFIG)) {
            assertThatThrownBy(() -> second.await("forgotten", Optional.of(Duration.ofMinutes(1)), ProgressListener.NONE))
                    .isInstanceOf(JobFailedException.class).hasMessageContaining("cholesky lost its runtime state")
                    .hasMessageContaining("no longer knows job forgotten");
            assertThatThrownBy(() -> second.await("never", Optional.of(Duration.ofMinutes(1)), ProgressListener.NONE))
                    .isInstanceOf(java.util.NoSuchElementException.class);
        }
    }

    @Test
    void aProgressListenerThatThrowsCancelsTheJobBeforeItsTemporariesGo() {
        var c = new CholeskyCase(90, 16, 5);
        TileStore store = TileStore.inMemory();
        c.writeInput(store, "A");
        var queue = new MemoryTaskQueue();
        var memory = new MemoryRuntimeState();
        var calls = new CopyOnWriteArrayList<String>();
        var state = (RuntimeState) Proxy.newProxyInstance(RuntimeState.class.getClassLoader(), new Class<?>[] {RuntimeState.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (var engine = ExecEngine.withServices(store, queue, state, CONFIG, h -> new NoWorkers())) {
            engine.submit(c.spec("given-up", "A", "L"));
            assertThatThrownBy(() -> engine.await("given-up", Optional.of(Duration.ofMinutes(1)), (op, done, total, sec) -> {
                throw new IllegalStateException("the caller gives up");
            })).isInstanceOf(IllegalStateException.class).hasMessage("the caller gives up");
            // a worker that comes later finds the job cancelled, not a job whose temporaries vanished
            assertThat(calls).contains("cancel", "retireJob");
            assertThat(calls.indexOf("cancel")).isLessThan(calls.indexOf("retireJob"));
        }
    }

    @Test
    void aDryRunCompletesEveryTaskWithoutTouchingTiles() {
        var c = new CholeskyCase(40 * 64, 64, 1);
        TileStore store = TileStore.inMemory();
        try (var engine = ExecEngine.embedded(store, CONFIG)) {
            JobResult r = engine.run(c.spec("dry", "A", "L").asDryRun(), ProgressListener.NONE);
            assertThat(r.tasks()).isEqualTo(c.tasks());
            assertThat(r.executions()).isEqualTo(c.tasks());
            assertThat(r.metrics().bytesRead()).isZero();
            assertThat(r.metrics().bytesWritten()).isZero();
            assertThat(r.metrics().spans()).as("a dry run has no timeline").isEmpty();
        }
        assertThat(store.listMatrixKeys("L").toCompletableFuture().join()).isEmpty();
    }

    @Test
    void aSimulatedRunCompletesEveryTaskHoldingWorkersForTheModelledFlopsWithoutTiles() {
        var c = new CholeskyCase(8 * 64, 64, 1);
        double gflops = 1.0;
        TileStore store = TileStore.inMemory();
        try (var engine = ExecEngine.embedded(store, CONFIG)) {
            JobResult r = engine.run(c.spec("sim", "A", "L").asSimulated(gflops), ProgressListener.NONE);
            assertThat(r.tasks()).isEqualTo(c.tasks());
            assertThat(r.executions()).isEqualTo(c.tasks());
            assertThat(r.metrics().bytesRead()).isZero();
            assertThat(r.metrics().bytesWritten()).isZero();
            // every task parked at least its modelled time: chol b^3/3, trsm b^3, diagonal syrk b(b+1)b, other updates 2b^3 + b^2
            long n = c.tiles();
            double b = c.block();
            double flops = 0;
            for (long i = 0; i < n; i++) {
                flops += b * b * b / 3;
                for (long j = i + 1; j < n; j++) {
                    flops += b * b * b;
                    for (long k = i + 1; k <= j; k++) {
                        flops += k == j ? b * (b + 1) * b : 2 * b * b * b + b * b;
                    }
                }
            }
            assertThat(r.metrics().computeSeconds()).isGreaterThanOrEqualTo(flops / (gflops * 1e9) * 0.999);
            assertThat(r.metrics().spans()).as("a simulated run has no timeline").isEmpty();
        }
        assertThat(store.listMatrixKeys("A").toCompletableFuture().join()).isEmpty();
        assertThat(store.listMatrixKeys("L").toCompletableFuture().join()).isEmpty();
    }

    /**
     * The timeline holds one span per execution, each task once; spans are ordered (read, compute,
     * write); and a worker, being single-core, never computes two tasks at once.
     */
    @Test
    void theTimelineHasOneSpanPerExecutionAndEachWorkerComputesOneTaskAtATime() {
        var c = new CholeskyCase(150, 16, 3);
        TileStore store = TileStore.inMemory();
        c.writeInput(store, "A");
        try (var engine = ExecEngine.embedded(store, CONFIG)) {
            JobResult r = engine.run(c.spec("timed", "A", "L"), ProgressListener.NONE);
            List<TaskSpan> spans = r.metrics().spans();
            assertThat(spans).hasSize((int) r.executions());
            assertThat(spans.stream().map(TaskSpan::task).distinct().count()).isEqualTo(c.tasks());
            assertThat(spans.stream().map(TaskSpan::kernel).distinct()).contains("chol", "trsm_rlt", "syrk_update");
            Map<String, List<TaskSpan>> byWorker = spans.stream().collect(Collectors.groupingBy(TaskSpan::worker));
            assertThat(byWorker.size()).isBetween(1, 2);
            byWorker.forEach((worker, mine) -> {
                List<TaskSpan> sorted = mine.stream().sorted(Comparator.comparingLong(TaskSpan::computeStart)).toList();
                for (int i = 1; i < sorted.size(); i++) {
                    assertThat(sorted.get(i).computeStart()).as("worker %s computes one task at a time", worker)
                            .isGreaterThanOrEqualTo(sorted.get(i - 1).computeEnd());
                }
            });
            // the in-process queue is counted while the job runs: its tasks wait there at the start, none at the end
            assertThat(r.metrics().queueTimeline()).isNotEmpty();
            assertThat(r.metrics().queueTimeline().stream().mapToLong(JobMetrics.QueueSample::queued).max().orElseThrow()).isPositive();
            assertThat(r.metrics().startMicros()).isLessThanOrEqualTo(spans.stream().mapToLong(TaskSpan::readStart).min().orElseThrow());
            long first = spans.stream().mapToLong(TaskSpan::readStart).min().orElseThrow();
            long last = spans.stream().mapToLong(TaskSpan::writeEnd).max().orElseThrow();
            assertThat((last - first) / 1e6).as("the spans lie within the job's wall time").isLessThanOrEqualTo(r.seconds() + 0.01);
        }
    }

    /** The client that saw a job finish saves its result next to the spec; another engine on the store reads it back whole. */
    @Test
    void aFinishedJobsResultIsSavedForOtherProcessesAndGoesWithTheJob() {
        var c = new CholeskyCase(90, 16, 5);
        TileStore store = TileStore.inMemory();
        c.writeInput(store, "A");
        JobResult r;
        try (var engine = ExecEngine.embedded(store, CONFIG)) {
            r = engine.run(c.spec("saved", "A", "L"), ProgressListener.NONE);
        }
        try (var other = ExecEngine.embedded(store, CONFIG)) {
            JobResult s = other.savedResult("saved").orElseThrow();
            assertThat(s.jobId()).isEqualTo("saved");
            assertThat(s.operation()).isEqualTo(r.operation());
            assertThat(s.tasks()).isEqualTo(r.tasks());
            assertThat(s.executions()).isEqualTo(r.executions());
            assertThat(s.seconds()).isEqualTo(r.seconds());
            assertThat(s.workerSeconds()).isEqualTo(r.workerSeconds());
            assertThat(s.metrics().counters()).isEqualTo(r.metrics().counters()).containsKey("compute_ns");
            assertThat(s.metrics().peakWorkers()).isEqualTo(r.metrics().peakWorkers());
            assertThat(s.metrics().workerTimeline()).isEqualTo(r.metrics().workerTimeline());
            assertThat(s.metrics().queueTimeline()).isEqualTo(r.metrics().queueTimeline()).isNotEmpty();
            assertThat(s.metrics().startMicros()).isEqualTo(r.metrics().startMicros()).isPositive();
            assertThat(s.metrics().spans()).hasSize((int) r.executions()).isEqualTo(r.metrics().spans());
            assertThat(other.savedResult("never-ran")).isEmpty();
            assertThat(other.jobControl().collect().jobs()).contains("saved");
            assertThat(other.savedResult("saved")).as("collected with its job").isEmpty();
        }
        assertThatThrownBy(() -> JobResultCodec.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a readable stored job result");
    }
}
