package org.wren4j.api;

/**
 * Figures of one finished job: tasks in its graph, kernel executions (more than tasks when
 * deliveries were repeated), wall seconds from submission to a durable result, worker-seconds
 * provisioned, peak workers, and tile traffic; for intermediate tiles, the bytes written, the
 * peak bytes alive at once (eager garbage collection deletes a tile when its last reader
 * completes) and the tiles so collected before the job ended; executions of tasks that had been
 * delivered before (a lost lease, a killed worker, a duplicate message).
 */
public record JobReport(String jobId, String operation, long tasks, long executions, double seconds,
                        double workerSeconds, long peakWorkers, long bytesRead, long bytesWritten,
                        double readSeconds, double computeSeconds, double writeSeconds,
                        long temporaryBytesWritten, long peakLiveTemporaryBytes, long temporaryTilesCollected,
                        long repeatedExecutions) {
}
