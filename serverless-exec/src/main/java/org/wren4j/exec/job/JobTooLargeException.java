package org.wren4j.exec.job;

/** A job refused before it started: more tasks than one job may have ({@link org.wren4j.exec.EngineConfig#maxTasks()}). */
public final class JobTooLargeException extends RuntimeException {
    public JobTooLargeException(String message) {
        super(message);
    }
}
