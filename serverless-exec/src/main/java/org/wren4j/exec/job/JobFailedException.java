package org.wren4j.exec.job;

/** A job failed; the message names the operation, the task and the tile. */
public final class JobFailedException extends RuntimeException {
    private final String jobId;

    public JobFailedException(String jobId, String message) {
        super(message);
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}
