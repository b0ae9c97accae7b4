package org.wren4j.exec.queue;

import static java.util.Objects.requireNonNull;

/**
 * One task on the queue: the job it belongs to, the task key and its priority (lower first).
 * {@code backup} marks the delayed copy of a task a worker ran ahead: if that task is done when
 * the copy arrives, the copy still re-enqueues its ready children, as a redelivery does, because
 * the worker may have died between completing it and enqueuing them (it held no lease that would
 * come back).
 */
public record TaskMessage(String jobId, String taskKey, long priority, boolean backup) {
    public TaskMessage {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(taskKey, "taskKey is null");
    }

    public TaskMessage(String jobId, String taskKey, long priority) {
        this(jobId, taskKey, priority, false);
    }

    /** This message as the delayed backup of a task run ahead. */
    public TaskMessage asBackup() {
        return new TaskMessage(jobId, taskKey, priority, true);
    }
}
