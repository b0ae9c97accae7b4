package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.kernels.DenseLinalg;
import org.wren4j.exec.queue.DuplicatingTaskQueue;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.tiles.TileStore;

/** Every message delivered twice: the result is still exact and each task completes once. */
class DuplicateDeliveryTest {
    private static final CholeskyCase CASE = new CholeskyCase(70, 16, 3);

    @Test
    void choleskyWithEveryMessageDuplicatedIsBitwiseEqual() {
        double[] plain = run(new MemoryTaskQueue());
        double[] doubled = run(new DuplicatingTaskQueue(new MemoryTaskQueue(), 1.0, 7));
        CholeskyCase.assertBitwiseEqual(doubled, plain);
        assertThat(DenseLinalg.choleskyResidual(CASE.matrix(), doubled, CASE.n())).isLessThan(1e-14);
    }

    private static double[] run(TaskQueue queue) {
        TileStore store = TileStore.inMemory();
        CASE.writeInput(store, "A");
        var config = EngineConfig.defaults().withMaxWorkers(2)
                .withWorker(new WorkerConfig(2, Duration.ofSeconds(10), Duration.ofMillis(500), 3, Duration.ofMillis(10)));
        try (var engine = ExecEngine.withServices(store, queue, new MemoryRuntimeState(), config)) {
            engine.submit(CASE.spec("dup", "A", "L"));
            JobResult result = engine.await("dup", Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE);
            assertThat(result.tasks()).isEqualTo(CASE.tasks());
            double[] factor = CASE.readFactor(store, "L");
            // temporaries are gone, outputs stay
            assertThat(store.listMatrixKeys(CholeskyCase.temporary("dup")).toCompletableFuture().join()).isEmpty();
            return factor;
        }
    }
}
