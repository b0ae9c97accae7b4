package org.wren4j.exec.state;

/** Lifecycle of a job in the runtime state. */
public enum JobStatus {
    RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this != RUNNING;
    }
}
