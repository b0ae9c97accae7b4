package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

/** A job failed, was cancelled or timed out; {@link #failure()} says how and where, the message is its whole account. */
public final class JobFailedException extends RuntimeException {
    private final String jobId;
    private final JobFailure failure;

    public JobFailedException(String jobId, JobFailure failure) {
        super(failure.detail());
        this.jobId = jobId;
        this.failure = requireNonNull(failure, "failure is null");
    }

    public JobFailedException(String jobId, String message) {
        this(jobId, JobFailure.of(JobFailure.Kind.FAILED, message));
    }

    public String jobId() {
        return jobId;
    }

    public JobFailure failure() {
        return failure;
    }
}
