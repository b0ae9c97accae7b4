package org.wren4j.api;

import static java.util.Objects.requireNonNull;

/**
 * A job did not finish: it failed for a reason other than its input (see {@link Reason}), was
 * cancelled, or ran past its time limit. {@link #jobId()} names it for a re-attach or a report.
 */
public final class JobFailedException extends WrenException {
    /** Why the job did not finish. */
    public enum Reason {
        /** A task kept failing (e.g. a bug, or a worker that kept dying); {@link #detail()} says where. */
        FAILED,
        /** Cancelled, or the waiting thread was interrupted. */
        CANCELLED,
        /** It did not finish within its time limit. */
        TIMED_OUT
    }

    private final String jobId;
    private final Reason reason;

    public JobFailedException(String message, String detail, String jobId, Reason reason, Throwable cause) {
        super(message, detail, cause);
        this.jobId = requireNonNull(jobId, "jobId is null");
        this.reason = requireNonNull(reason, "reason is null");
    }

    public String jobId() {
        return jobId;
    }

    public Reason reason() {
        return reason;
    }
}
