package org.wren4j.exec.state;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The atomic runtime state of jobs: per-task done flags and remaining-parent counters, a
 * completed counter, status and first error. Shared by all workers of a job.
 */
public interface RuntimeState extends AutoCloseable {

    /** Registers a job with its total task count and no secret (its messages are all refused); status RUNNING. */
    default CompletionStage<Void> startJob(String jobId, long totalTasks) {
        return startJob(jobId, totalTasks, "");
    }

    /**
     * Registers a job with its total task count and {@code secret} (the encoded job key that signs
     * its messages; empty for none), kept with the rest of its state and deleted with it; status RUNNING.
     */
    CompletionStage<Void> startJob(String jobId, long totalTasks, String secret);

    /**
     * The secret the job was started with; empty if the job has none or is unknown. It is a
     * secret: never put it in a message, a log or an exception.
     */
    CompletionStage<java.util.Optional<String>> secret(String jobId);

    CompletionStage<Boolean> isDone(String jobId, String taskKey);

    /**
     * Marks {@code taskKey} done in one atomic step. The first time: sets done, decrements the
     * counter of each child (initialised from its parent count on first touch), bumps the
     * completed counter, and returns the children that reached zero. On a replay (already
     * done): returns the children whose counter is zero and that are not done, so that a crash
     * between completing and enqueuing is healed by the redelivered message. When the completed
     * counter reaches the total, the job becomes SUCCEEDED. Same as {@link #complete(String,
     * String, List, long, List)} with no temporaries.
     */
    default CompletionStage<List<String>> complete(String jobId, String taskKey, List<ChildCount> children) {
        return complete(jobId, taskKey, children, 0, List.of()).thenApply(Completion::ready);
    }

    /**
     * {@link #complete(String, String, List)}, with garbage collection of temporaries in the same
     * atomic step. The first time only, it also decrements the reader counter of each tile in
     * {@code temporaryInputs} (the distinct stored tiles of temporaries the task read; a counter
     * starts at the tile's reader count on first touch) and returns, as collected, the tiles whose
     * counter reached zero: every task that reads them has completed, so the caller may delete
     * them. It adds {@code temporaryBytesWritten} to the job's live temporary bytes and subtracts
     * the bytes of collected tiles (job counters {@code temp_bytes_written}, {@code temp_live_bytes},
     * its maximum {@code temp_peak_live_bytes}, {@code temp_tiles_collected},
     * {@code temp_bytes_collected}).
     *
     * <p>Faults: a replay (a duplicate delivery, or the redelivery after a worker died between
     * completing and deleting) decrements nothing and adds no bytes; it returns as collected the
     * tiles of {@code temporaryInputs} whose counter is at zero, so a delete lost with a dead
     * worker is retried (deleting is idempotent). A task rerun after its worker died before
     * completing has decremented nothing, so its inputs still exist.
     */
    CompletionStage<Completion> complete(String jobId, String taskKey, List<ChildCount> children,
                                         long temporaryBytesWritten, List<TileReaders> temporaryInputs);

    /** Fails the job with {@code error} unless it already failed; the first error wins. */
    CompletionStage<Void> fail(String jobId, String error);

    CompletionStage<Void> cancel(String jobId);

    /** @throws java.util.NoSuchElementException (in the stage) if the job is unknown */
    CompletionStage<JobState> state(String jobId);

    /**
     * Adds {@code deltas} to the job's named counters (metrics), created at zero. Issued before
     * {@link #complete} of the same task on the same connection, they are counted by the time the
     * job succeeds.
     */
    CompletionStage<Void> addCounters(String jobId, Map<String, Long> deltas);

    /** The job's counters; empty if none was added (or the job is unknown). */
    CompletionStage<Map<String, Long>> counters(String jobId);

    /** Timeline entries kept per job: at ~80 bytes each, 8 MB of runtime state at most. */
    int MAX_SPANS_PER_JOB = 100_000;

    /**
     * Appends one encoded task span (a line without a newline) to the job's timeline, unless it
     * holds {@link #MAX_SPANS_PER_JOB} already. Issued with the task's
     * counters, before its {@link #complete}.
     */
    CompletionStage<Void> addSpan(String jobId, String span);

    /** The job's timeline as appended, oldest first; empty if none was (or the job is unknown). */
    CompletionStage<List<String>> spans(String jobId);

    /** Forgets everything about the job. */
    CompletionStage<Void> deleteJob(String jobId);

    /**
     * Called once the client has the result of a finished job. A store in this process frees
     * the job's per-task state (it can be large); a shared store keeps it so that another client
     * can still re-attach and read the outcome.
     */
    default CompletionStage<Void> retireJob(String jobId) {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    @Override
    void close();
}
