package org.wren4j.exec.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wren4j.exec.services.ServiceEndpoints;
import org.wren4j.exec.services.Services;
import org.wren4j.exec.services.WorkerMain;
import org.wren4j.exec.services.WorkerOptions;
import org.wren4j.exec.worker.WorkerConfig;

/**
 * The worker as an AWS Lambda function: the event is a flat map of the options a worker process
 * takes ({@link ServiceEndpoints}, {@link WorkerOptions}). One invocation runs one worker until it
 * is idle or its time is nearly up: it stops leasing {@code margin-ms} (default 60 s) before the
 * invocation's deadline, so the tasks it holds finish in time. Connections to the services are
 * kept for the next invocation of a warm container.
 */
public final class LambdaWorkerHandler implements RequestHandler<Map<String, String>, String> {
    static final long DEFAULT_MARGIN_MS = 60_000;
    private static final Map<ServiceEndpoints, Services> WARM = new ConcurrentHashMap<>();

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        ServiceEndpoints endpoints = ServiceEndpoints.fromMap(event);
        WorkerConfig config = WorkerOptions.config(event);
        long margin = Long.parseLong(event.getOrDefault("margin-ms", Long.toString(DEFAULT_MARGIN_MS)));
        long left = Math.max(0, context.getRemainingTimeInMillis() - margin);
        if (left < config.maxRuntime().toMillis()) {
            config = config.withMaxRuntime(Duration.ofMillis(left));
        }
        Services services = WARM.computeIfAbsent(endpoints, Services::open);
        long t0 = System.nanoTime();
        WorkerMain.runWorker(services, config);
        return String.format("worker ran %.3f s", (System.nanoTime() - t0) / 1e9);
    }
}
