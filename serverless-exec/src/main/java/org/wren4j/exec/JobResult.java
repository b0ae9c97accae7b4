package org.wren4j.exec;

import org.wren4j.exec.job.JobMetrics;

/**
 * A finished job: {@code tasks} in its graph, {@code executions} of kernels (more than
 * {@code tasks} when deliveries repeated), wall {@code seconds} from submit to durable result,
 * and its metrics.
 */
public record JobResult(String jobId, String operation, long tasks, long executions, double seconds,
                        double workerSeconds, JobMetrics metrics) {
}
