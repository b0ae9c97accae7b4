package org.wren4j.exec.services;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wren4j.exec.worker.FaultTimeouts;
import org.wren4j.exec.worker.WorkerConfig;

/**
 * A {@link WorkerConfig} (and worker-side fault injection) as string options, for the command
 * line of a worker process and the event of a Lambda invocation: {@code pipeline}, {@code lease-ms},
 * {@code idle-ms}, {@code max-attempts}, {@code retry-ms}, {@code max-runtime-ms},
 * {@code run-ahead} ({@code true|false}), {@code retry-window-ms} (how long service calls are retried,
 * {@link FaultTimeouts}; the stall timeout is the client's, not the worker's), {@code store-faults} (a fraction of tile reads and
 * writes that fail transiently).
 */
public final class WorkerOptions {
    public static final java.util.List<String> OPTIONS =
            java.util.List.of("pipeline", "lease-ms", "idle-ms", "max-attempts", "retry-ms", "max-runtime-ms", "run-ahead", "retry-window-ms", "store-faults");

    private WorkerOptions() {
    }

    public static Map<String, String> toMap(WorkerConfig c, double storeFaults) {
        var m = new LinkedHashMap<String, String>();
        m.put("pipeline", Integer.toString(c.pipelineWidth()));
        m.put("lease-ms", Long.toString(c.visibility().toMillis()));
        m.put("idle-ms", Long.toString(c.idleTimeout().toMillis()));
        m.put("max-attempts", Integer.toString(c.maxAttempts()));
        m.put("retry-ms", Long.toString(c.retryBase().toMillis()));
        if (!c.maxRuntime().equals(WorkerConfig.UNLIMITED)) {
            m.put("max-runtime-ms", Long.toString(c.maxRuntime().toMillis()));
        }
        if (!c.runAhead()) {
            m.put("run-ahead", "false");
        }
        if (!c.faults().retryWindow().equals(FaultTimeouts.DEFAULT_RETRY_WINDOW)) {
            m.put("retry-window-ms", Long.toString(c.faults().retryWindow().toMillis()));
        }
        if (storeFaults > 0) {
            m.put("store-faults", Double.toString(storeFaults));
        }
        return m;
    }

    /** The options given, the defaults of {@link WorkerConfig#defaults()} for the rest. */
    public static WorkerConfig config(Map<String, String> m) {
        WorkerConfig d = WorkerConfig.defaults();
        WorkerConfig c = new WorkerConfig(
                Integer.parseInt(m.getOrDefault("pipeline", Integer.toString(d.pipelineWidth()))),
                millis(m, "lease-ms", d.visibility()),
                millis(m, "idle-ms", d.idleTimeout()),
                Integer.parseInt(m.getOrDefault("max-attempts", Integer.toString(d.maxAttempts()))),
                millis(m, "retry-ms", d.retryBase()),
                millis(m, "max-runtime-ms", d.maxRuntime()),
                Boolean.parseBoolean(m.getOrDefault("run-ahead", Boolean.toString(d.runAhead()))));
        Duration window = millis(m, "retry-window-ms", FaultTimeouts.DEFAULT_RETRY_WINDOW);
        return c.withFaults(FaultTimeouts.builder().lease(c.visibility()).retryWindow(window).build());
    }

    public static double storeFaults(Map<String, String> m) {
        return Double.parseDouble(m.getOrDefault("store-faults", "0"));
    }

    private static Duration millis(Map<String, String> m, String key, Duration def) {
        String v = m.get(key);
        return v == null ? def : Duration.ofMillis(Long.parseLong(v));
    }
}
