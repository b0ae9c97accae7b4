package org.wren4j.exec;

/** Receives a job's progress while the client waits; called from the waiting thread. */
@FunctionalInterface
public interface ProgressListener {
    void progress(String operation, long completed, long total, double seconds);

    ProgressListener NONE = (op, c, t, s) -> { };
}
