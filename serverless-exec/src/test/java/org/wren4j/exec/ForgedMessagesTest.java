package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobKey;
import org.wren4j.exec.kernels.DenseLinalg;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.tiles.TileStore;

/**
 * Task messages a running job's client and workers did not send are refused, counted and
 * dropped, never run: unsigned, signed with another key, altered after signing, replayed from
 * another job, and (signed with the job's own key, as only a bug could send them) naming no task
 * of the job (outside the iteration domain, a statement that does not exist, the wrong number of
 * loop values, garbage). The job completes bit-identical to a run without them.
 */
class ForgedMessagesTest {
    private static final CholeskyCase CASE = new CholeskyCase(96, 8, 23);
    /** Keys the Cholesky program (statements chol(i), trsm(i, j), syrk(i, j, k)) never sends. */
    private static final List<String> FORGED = List.of("s0:1000", "s0:-1", "s99:0", "s1:0,0", "s1:3", "s2:0,1,5", "s0:", "garbage");

    @Test
    void forgedMessagesMidJobAreRefusedCountedAndTheJobFinishesBitIdentical() {
        Run plain = run("plain", List.of());
        Run forged = run("forged", signed(FORGED));
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
        Run early = run("early", signed(premature));
        assertThat(early.result().metrics().refusedMessages()).as("refused, not run").isPositive();
        assertThat(early.result().tasks()).isEqualTo(CASE.tasks());
        CholeskyCase.assertBitwiseEqual(early.factor(), plain.factor());
    }

    /**
     * Real tasks of the job (its starting task among them, so a message run would surely do harm:
     * it would write a tile twice or run ahead of its parents) in every form but the job's own
     * signature: unsigned, signed with a key of no job, signed by the job and then altered (task,
     * priority, backup flag, one digit of the signature), and signed by another running job then
     * renamed to this job (a replay across jobs). The other job finishes unharmed too.
     */
    @Test
    void unsignedForgedAlteredAndCrossJobMessagesAreRefusedAndBothJobsFinishBitIdentical() {
        Run plain = run("plain-3", List.of());
        var foreign = JobKey.generate(CASE.spec("nobody", "A", "L"));
        Run attacked = run("attacked", (jobId, keys) -> {
            JobKey own = keys.apply(jobId);
            JobKey other = keys.apply(OTHER);
            var out = new java.util.ArrayList<TaskMessage>();
            for (String task : List.of("s0:0", "s1:0,1", "s2:0,1,1")) {
                out.add(new TaskMessage(jobId, task, Long.MIN_VALUE));
                out.add(foreign.sign(new TaskMessage(jobId, task, Long.MIN_VALUE)));
                TaskMessage real = own.sign(new TaskMessage(jobId, task, Long.MIN_VALUE));
                out.add(new TaskMessage(jobId, task + "0", Long.MIN_VALUE, false, real.signature()));
                out.add(new TaskMessage(jobId, task, Long.MIN_VALUE + 1, false, real.signature()));
                out.add(new TaskMessage(jobId, task, Long.MIN_VALUE, true, real.signature()));
                char c = real.signature().charAt(7);
                out.add(real.withSignature(real.signature().substring(0, 7) + (c == 'a' ? 'b' : 'a') + real.signature().substring(8)));
                TaskMessage theirs = other.sign(new TaskMessage(OTHER, task, Long.MIN_VALUE));
                out.add(new TaskMessage(jobId, task, Long.MIN_VALUE, false, theirs.signature()));
            }
            return out;
        });
        assertThat(attacked.result().metrics().refusedMessages()).isEqualTo(21);
        assertThat(attacked.result().tasks()).isEqualTo(CASE.tasks());
        assertThat(attacked.result().executions()).as("no refused message ran").isEqualTo(CASE.tasks());
        CholeskyCase.assertBitwiseEqual(attacked.factor(), plain.factor());
        CholeskyCase.assertBitwiseEqual(attacked.otherFactor(), plain.factor());
    }

    private record Run(JobResult result, double[] factor, double[] otherFactor) {
    }

    /** The job that runs beside each job under test, whose key signs the cross-job replays. */
    private static final String OTHER = "other";

    /** Messages of the given task keys, signed with the job's own key. */
    private static BiFunction<String, Function<String, JobKey>, List<TaskMessage>> signed(List<String> keys) {
        return (jobId, key) -> keys.stream().map(k -> key.apply(jobId).sign(new TaskMessage(jobId, k, Long.MIN_VALUE))).toList();
    }

    private static Run run(String jobId, List<String> forgedKeys) {
        return run(jobId, (id, keys) -> forgedKeys.stream().map(k -> new TaskMessage(id, k, Long.MIN_VALUE)).toList());
    }

    /** Runs the job beside {@link #OTHER}, sending first the messages {@code forge} makes from the job id and the jobs' keys. */
    private static Run run(String jobId, BiFunction<String, Function<String, JobKey>, List<TaskMessage>> forge) {
        TileStore store = TileStore.inMemory();
        CASE.writeInput(store, "A");
        var queue = new MemoryTaskQueue();
        var state = new MemoryRuntimeState();
        var config = EngineConfig.defaults().withMaxWorkers(2)
                .withWorker(new WorkerConfig(2, Duration.ofSeconds(10), Duration.ofMillis(500), 3, Duration.ofMillis(10)));
        try (var engine = ExecEngine.withServices(store, queue, state, config)) {
            engine.submit(CASE.spec(OTHER, "A", "L-other"));
            engine.submit(CASE.spec(jobId, "A", "L"));
            // the jobs are running (their starting tasks are queued): forged messages go first, before any real task
            Function<String, JobKey> keys = id -> JobKey.decode(state.secret(id).toCompletableFuture().join().orElseThrow());
            queue.send(forge.apply(jobId, keys)).toCompletableFuture().join();
            // a message of a job nobody submitted is dropped without a job to count it in
            queue.send(List.of(new TaskMessage("nobody", "s0:0", Long.MIN_VALUE))).toCompletableFuture().join();
            JobResult result = engine.await(jobId, Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE);
            JobResult other = engine.await(OTHER, Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE);
            assertThat(other.metrics().refusedMessages()).isZero();
            return new Run(result, CASE.readFactor(store, "L"), CASE.readFactor(store, "L-other"));
        }
    }
}
