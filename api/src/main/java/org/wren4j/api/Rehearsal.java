package org.wren4j.api;

import java.util.List;

/**
 * A job run without data ({@link Wren#dryRun}, {@link Wren#rehearse}): its figures, and a handle
 * on each result. The results' tiles do not exist; they serve as inputs of further rehearsals
 * (e.g. the steps of a computation as separate jobs), never to read values.
 *
 * @param job     the job's figures: tasks, executions, seconds, peak workers
 * @param results a handle on each matrix given, in order
 */
public record Rehearsal(JobReport job, List<BlockMatrix> results) {
    public Rehearsal {
        java.util.Objects.requireNonNull(job, "job is null");
        results = List.copyOf(results);
    }
}
