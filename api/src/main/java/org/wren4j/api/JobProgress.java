package org.wren4j.api;

/** Receives the progress of each job while {@code compute()} waits; called on the waiting thread. */
@FunctionalInterface
public interface JobProgress {
    void progress(String operation, long completedTasks, long totalTasks, double seconds);
}
