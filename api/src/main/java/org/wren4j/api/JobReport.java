package org.wren4j.api;

/**
 * Figures of one finished job: tasks in its graph, kernel executions (more than tasks when
 * deliveries were repeated), wall seconds from submission to a durable result, worker-seconds
 * provisioned, peak workers, and tile traffic.
 */
public record JobReport(String jobId, String operation, long tasks, long executions, double seconds,
                        double workerSeconds, long peakWorkers, long bytesRead, long bytesWritten,
                        double readSeconds, double computeSeconds, double writeSeconds) {
}
