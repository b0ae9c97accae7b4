package org.wren4j.exec.services;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.wren4j.exec.worker.TileCache;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.exec.worker.WorkerHost;
import org.wren4j.tiles.FaultInjectingObjectStore;
import org.wren4j.spi.ObjectStore;

/**
 * The entry point of one worker outside a client: an OS process ({@code java ... WorkerMain
 * --redis URI --sqs URL --bucket B [--s3 URL] [--pipeline N] ...}, or {@code wren4j worker ...})
 * and, through {@link #runWorker}, a Lambda invocation. It joins the services, runs one
 * single-core worker until it is idle for its idle timeout or its runtime limit is near, and exits 0.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] argv) {
        Map<String, String> options;
        try {
            options = parse(List.of(argv));
        } catch (IllegalArgumentException e) {
            System.err.println("wren4j worker: " + e.getMessage());
            System.exit(2);
            return;
        }
        runWorker(options);
        System.exit(0);
    }

    /** {@code --name value} pairs; only the names of {@link ServiceEndpoints#OPTIONS} and {@link WorkerOptions#OPTIONS}. */
    public static Map<String, String> parse(List<String> argv) {
        var m = new LinkedHashMap<String, String>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= argv.size()) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = argv.get(++i);
            }
            if (!ServiceEndpoints.OPTIONS.contains(name) && !WorkerOptions.OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            m.put(name, value);
        }
        return m;
    }

    /** Joins the services named in {@code options}, runs one worker to its end, and closes everything. */
    public static void runWorker(Map<String, String> options) {
        ServiceEndpoints endpoints = ServiceEndpoints.fromMap(options);
        WorkerConfig config = WorkerOptions.config(options);
        try (Services services = Services.open(endpoints, faults(WorkerOptions.storeFaults(options)))) {
            runWorker(services, config);
        }
    }

    /** Runs one worker on open services until it exits; the services stay open. */
    public static void runWorker(Services services, WorkerConfig config) {
        try (var host = new WorkerHost(services.queue(), services.state(), services.store(), config,
                2 * config.pipelineWidth(), TileCache.ofHeapFraction(0.3))) {
            host.newWorker().run();
        }
    }

    /** Transient failures of a fraction of tile reads and writes (some writes take effect and lose their answer). */
    public static UnaryOperator<ObjectStore> faults(double rate) {
        if (rate <= 0) {
            return UnaryOperator.identity();
        }
        var options = FaultInjectingObjectStore.Options.builder()
                .seed(ProcessHandle.current().pid() ^ System.nanoTime())
                .failureRate(rate)
                .lostResponseRate(rate / 2)
                .operations(EnumSet.of(FaultInjectingObjectStore.Operation.GET, FaultInjectingObjectStore.Operation.PUT_IF_ABSENT))
                .build();
        return o -> new FaultInjectingObjectStore(o, options);
    }
}
