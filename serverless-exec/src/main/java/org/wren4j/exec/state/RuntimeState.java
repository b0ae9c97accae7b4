package org.wren4j.exec.state;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The atomic runtime state of jobs: per-task done flags and remaining-parent counters, a
 * completed counter, status and first error. Shared by all workers of a job.
 */
public interface RuntimeState extends AutoCloseable {

    /** Registers a job with its total task count; status RUNNING. */
    CompletionStage<Void> startJob(String jobId, long totalTasks);

    CompletionStage<Boolean> isDone(String jobId, String taskKey);

    /**
     * Marks {@code taskKey} done in one atomic step. The first time: sets done, decrements the
     * counter of each child (initialised from its parent count on first touch), bumps the
     * completed counter, and returns the children that reached zero. On a replay (already
     * done): returns the children whose counter is zero and that are not done, so that a crash
     * between completing and enqueuing is healed by the redelivered message. When the completed
     * counter reaches the total, the job becomes SUCCEEDED.
     */
    CompletionStage<List<String>> complete(String jobId, String taskKey, List<ChildCount> children);

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
