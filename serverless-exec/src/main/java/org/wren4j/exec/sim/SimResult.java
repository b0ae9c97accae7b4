package org.wren4j.exec.sim;

import static java.util.Objects.requireNonNull;

/**
 * What a simulated job took.
 *
 * @param seconds         from submission to the last task's completion
 * @param tasks           tasks of the job (each completed once)
 * @param executions      task runs, counting duplicates of redelivered tasks
 * @param coreSeconds     worker-seconds provisioned: each worker from its launch (cold start
 *                        included) to its exit, its idle wait before exiting included
 * @param busyCoreSeconds worker-seconds spent running tasks
 * @param peakWorkers     most workers alive at once
 * @param launches        workers launched (function invocations)
 * @param requests        service requests made
 * @param profile         ready tasks, workers alive and busy over time
 */
public record SimResult(double seconds, long tasks, long executions, double coreSeconds, double busyCoreSeconds, int peakWorkers,
                        long launches, Requests requests, Profile profile) {
    public SimResult {
        requireNonNull(requests, "requests is null");
        requireNonNull(profile, "profile is null");
    }

    /**
     * Requests to the services, as their providers bill them: queue requests (a send is one
     * request per batch of up to 10 messages, as SQS's SendMessageBatch; each lease call, empty
     * or not, one; each acknowledgement and lease renewal one), state-store operations, and
     * object-store GETs and PUTs of tiles with their bytes.
     */
    public record Requests(long queue, long state, long tileGets, long tilePuts, long bytesRead, long bytesWritten) {
    }
}
