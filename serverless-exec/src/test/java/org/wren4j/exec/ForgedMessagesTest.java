package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.kernels.DenseLinalg;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.tiles.TileStore;

/**
 * Well-formed task messages that name no task of a running job (outside the iteration domain, a
 * statement that does not exist, the wrong number of loop values, garbage) are refused, counted
 * and dropped: the job completes bit-identical to a run without them.
 */
class ForgedMessagesTest {
    private static final CholeskyCase CASE = new CholeskyCase(96, 8, 23);
    /** Keys the Cholesky program (statements chol(i), trsm(i, j), syrk(i, j, k)) never sends. */
    private static final List<String> FORGED = List.of("s0:1000", "s0:-1", "s99:0", "s1:0,0", "s1:3", "s2:0,1,5", "s0:", "garbage");

    @Test
    void forgedMessagesMidJobAreRefusedCountedAndTheJobFinishesBitIdentical() {
        Run plain = run("plain", List.of());
        Run forged = run("forged", FORGED);
        assertThat(plain.result().metrics().refusedMessages()).isZero();
        assertThat(forged.result().metrics().refusedMessages()).isEqualTo(FORGED.size());
        assertThat(forged.result().tasks()).isEqualTo(CASE.tasks());
        CholeskyCase.assertBitwiseEqual(forged.factor(), plain.factor());
        assertThat(DenseLinalg.choleskyResidual(CASE.matrix(), forged.factor(), CASE.n())).isLessThan(1e-14);
    }

    /**
     * Well-formed messages of real tasks that are not ready yet (their parents have not run): a
     * worker finds an input missing, sees a parent not done, and refuses the message instead of
     * failing the job on a "missing" tile; the real message comes when the parents complete.
     */
    @Test
    void messagesOfTasksNotYetReadyAreRefusedNotRunAndTheJobFinishesBitIdentical() {
        var keys = new java.util.ArrayList<String>();
        ProgramAnalysis.of(CASE.spec("x", "A", "L").program(), CASE.spec("x", "A", "L").args()).forEachTask(n -> keys.add(n.key()));
        List<String> premature = keys.subList(keys.size() - 6, keys.size()); // the last tasks: far from ready at the start
        Run plain = run("plain-2", List.of());
        Run early = run("early", premature);
        assertThat(early.result().metrics().refusedMessages()).as("refused, not run").isPositive();
        assertThat(early.result().tasks()).isEqualTo(CASE.tasks());
        CholeskyCase.assertBitwiseEqual(early.factor(), plain.factor());
    }

    private record Run(JobResult result, double[] factor) {
    }

    private static Run run(String jobId, List<String> forgedKeys) {
        TileStore store = TileStore.inMemory();
        CASE.writeInput(store, "A");
        var queue = new MemoryTaskQueue();
        var config = EngineConfig.defaults().withMaxWorkers(2)
                .withWorker(new WorkerConfig(2, Duration.ofSeconds(10), Duration.ofMillis(500), 3, Duration.ofMillis(10)));
        try (var engine = ExecEngine.withServices(store, queue, new MemoryRuntimeState(), config)) {
            engine.submit(CASE.spec(jobId, "A", "L"));
            // the job is running (its starting task is queued): forged messages go first, before any real task
            var messages = forgedKeys.stream().map(k -> new TaskMessage(jobId, k, Long.MIN_VALUE)).toList();
            queue.send(messages).toCompletableFuture().join();
            // a message of a job nobody submitted is dropped without a job to count it in
            queue.send(List.of(new TaskMessage("nobody", "s0:0", Long.MIN_VALUE))).toCompletableFuture().join();
            JobResult result = engine.await(jobId, Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE);
            return new Run(result, CASE.readFactor(store, "L"));
        }
    }
}
