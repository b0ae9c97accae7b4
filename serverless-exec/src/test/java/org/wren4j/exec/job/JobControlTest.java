package org.wren4j.exec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.EngineConfig;
import org.wren4j.exec.ExecEngine;
import org.wren4j.exec.ProgressListener;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.state.JobStatus;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.NoWorkers;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.MatrixManifest;
import org.wren4j.tiles.StoredTiles;
import org.wren4j.tiles.TileStore;

/** Jobs seen from a client that did not submit them: listed, cancelled, their results recorded, collected. */
class JobControlTest {
    private static final EngineConfig CONFIG = EngineConfig.defaults().withMaxWorkers(2)
            .withWorker(new WorkerConfig(2, Duration.ofSeconds(10), Duration.ofMillis(300), 3, Duration.ofMillis(10)));
    private static final CholeskyCase CASE = new CholeskyCase(70, 16, 3);


    @Test
    void anOrphanedJobIsListedCancelledAndCollected() {
        TileStore store = TileStore.inMemory();
        CASE.writeInput(store, "A");
        var state = new MemoryRuntimeState();
        var queue = new MemoryTaskQueue();
        var client = ExecEngine.withServices(store, queue, state, CONFIG, h -> new NoWorkers());
        client.submit(CASE.spec("orphan", "A", "L"));
        var control = new JobControl(store, state);

        assertThat(control.list()).singleElement().satisfies(j -> {
            assertThat(j.jobId()).isEqualTo("orphan");
            assertThat(j.operation()).isEqualTo("cholesky");
            assertThat(j.status()).isEqualTo("running");
            assertThat(j.tasks()).isEqualTo(CASE.tasks());
            assertThat(j.inputs()).containsExactly("A");
            assertThat(j.outputs()).containsExactly("L");
            assertThat(j.finished()).isFalse();
        });
        assertThat(control.collect().jobs()).as("a running job is never collected").isEmpty();

        control.cancel("orphan");
        assertThat(control.status("orphan").orElseThrow().state().orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(control.collect().jobs()).containsExactly("orphan");
        assertThat(control.list()).isEmpty();
        assertThat(control.status("orphan")).isEmpty();
        assertThatThrownBy(() -> control.cancel("orphan")).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no job orphan is stored here");
    }

    @Test
    void aFinishedJobsResultsBecomeStoredMatricesAndOnlyItsScratchGoes() {
        TileStore store = TileStore.inMemory();
        CASE.writeInput(store, "A");
        var state = new MemoryRuntimeState();
        var queue = new MemoryTaskQueue();
        var client = ExecEngine.withServices(store, queue, state, CONFIG, h -> new NoWorkers());
        client.submit(CASE.spec("done-elsewhere", "A", "L"));
        // another client attaches by id and runs it to the end
        try (var other = ExecEngine.withServices(store, queue, state, CONFIG)) {
            other.await("done-elsewhere", Optional.of(Duration.ofMinutes(1)), ProgressListener.NONE);
        }
        var control = new JobControl(store, state);
        assertThat(store.openMatrix("L").handle((m, e) -> e != null).toCompletableFuture().join()).as("no manifest yet").isTrue();
        control.recordOutputs("done-elsewhere");
        MatrixManifest l = store.openMatrix("L").toCompletableFuture().join();
        assertThat(l.rows()).isEqualTo(CASE.n());
        assertThat(l.cols()).isEqualTo(CASE.n());
        assertThat(l.blockRows()).isEqualTo(CASE.block());
        assertThat(l.storedTiles()).isEqualTo(StoredTiles.LOWER_TRIANGLE);
        assertThat(l.kind()).isEqualTo("lower-triangular");
        control.recordOutputs("done-elsewhere"); // again: the manifest stays as it is

        assertThat(control.collect().jobs()).containsExactly("done-elsewhere");
        assertThat(store.listMatrixKeys("L").toCompletableFuture().join()).isNotEmpty();
        assertThat(store.listMatrixKeys("A").toCompletableFuture().join()).isNotEmpty();
        assertThat(control.list()).isEmpty();
    }
}
