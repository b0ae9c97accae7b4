package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A job as the session's services know it, whichever client submitted it.
 *
 * @param status    {@code running}, {@code succeeded}, {@code failed}, {@code cancelled}, or
 *                  {@code unknown} when the runtime state no longer holds the job
 * @param completed tasks done (0 when unknown)
 * @param tasks     tasks in the job's graph (-1 when unknown)
 * @param error     why it failed, for a failed job
 * @param inputs    the stored names of the matrices it reads
 * @param outputs   the stored names of its results (open them with {@link Wren#open} once it succeeded)
 */
public record JobInfo(String jobId, String operation, String status, long completed, long tasks, Optional<String> error,
                      List<String> inputs, List<String> outputs) {
    public JobInfo {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(status, "status is null");
        requireNonNull(error, "error is null");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** Whether nothing runs for it any more. */
    public boolean finished() {
        return !status.equals("running");
    }
}
