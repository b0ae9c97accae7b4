package org.wren4j.exec.queue;

import static java.util.Objects.requireNonNull;

/** One task on the queue: the job it belongs to, the task key and its priority (lower first). */
public record TaskMessage(String jobId, String taskKey, long priority) {
    public TaskMessage {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(taskKey, "taskKey is null");
    }
}
