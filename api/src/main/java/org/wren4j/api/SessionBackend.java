package org.wren4j.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.wren4j.exec.EngineConfig;
import org.wren4j.exec.ExecEngine;
import org.wren4j.exec.aws.AwsConfigurationException;
import org.wren4j.exec.queue.DuplicatingTaskQueue;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.exec.queue.sqs.SqsTaskQueue;
import org.wren4j.exec.services.Services;
import org.wren4j.exec.services.WorkerMain;
import org.wren4j.exec.services.WorkerOptions;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.worker.WorkerHost;
import org.wren4j.spi.WorkerLauncher;
import org.wren4j.tiles.TileStore;

/**
 * Where a session keeps its tiles and who computes: this JVM (in memory, a directory or the
 * caller's object store), or the services at some endpoints with worker threads here, Lambda
 * invocations or workers of a {@link WorkerLauncher}. {@link FaultInjection}
 * wraps the queue and the workers' view of the store. The session closes the store; the engine
 * closes the queue and the state.
 *
 * @param queueRequests the SQS queue's request counts by kind, empty for the in-memory queue
 */
record SessionBackend(TileStore store, ExecEngine engine, Supplier<Map<String, Long>> queueRequests) {
    /** Everything in this JVM; with faults, over a faulty queue and the workers' faulty view of the store. */
    static SessionBackend embedded(TileStore store, EngineConfig config, FaultInjection faults) {
        TileStore s = store != null ? store : TileStore.inMemory();
        ExecEngine e = faults.none() ? ExecEngine.embedded(s, config)
                : ExecEngine.withServices(workersView(s, faults), withDuplicates(new MemoryTaskQueue(), faults), new MemoryRuntimeState(), config);
        return new SessionBackend(s, e, Map::of);
    }

    /**
     * @param lambda   Lambda workers, or null
     * @param launcher a launcher of the caller's, or null; with neither, worker threads in this JVM
     */
    static SessionBackend services(ServiceEndpoints endpoints, AwsConfig aws, LambdaWorkers lambda, WorkerLauncher.Factory launcher,
                                   EngineConfig config, FaultInjection faults) {
        Services services;
        try {
            services = Services.open(endpoints.toServices(), aws.toSettings(), UnaryOperator.identity());
        } catch (org.wren4j.exec.services.ServiceUnavailableException | AwsConfigurationException e) {
            // qualified: the exec exception shares its simple name with the user's ServiceUnavailableException
            throw new ServiceUnavailableException(e.getMessage(), e);
        }
        TileStore store = services.store();
        TaskQueue queue = withDuplicates(services.queue(), faults);
        Function<WorkerHost, WorkerLauncher> workers;
        if (lambda != null) {
            workers = host -> Services.lambdaLauncher(services.endpoints(), config.worker(), lambda.function(), lambda.endpoint(), lambda.margin(),
                    aws.toSettings());
        } else if (launcher != null) {
            var args = new ArrayList<>(endpoints.toServices().toArgs());
            WorkerOptions.toMap(config.worker(), faults.storeFailures()).forEach((k, v) -> {
                args.add("--" + k);
                args.add(v);
            });
            workers = host -> Objects.requireNonNull(launcher.create(List.copyOf(args)), "the worker launcher factory returned null");
        } else {
            workers = ExecEngine.threads();
        }
        ExecEngine engine = ExecEngine.withServices(workersView(store, faults), queue, services.state(), config, workers);
        var counts = services.queue() instanceof SqsTaskQueue sqs ? sqs.requestCounts() : null;
        return new SessionBackend(store, engine, counts == null ? Map::of : () -> {
            var m = new LinkedHashMap<String, Long>();
            m.put("requests", counts.total());
            m.putAll(counts.snapshot());
            return m;
        });
    }

    /** The workers' view of the store: with store failures, reads and writes fail at that rate (the client's do not). */
    private static TileStore workersView(TileStore store, FaultInjection faults) {
        return faults.storeFailures() > 0 ? store.withObjects(WorkerMain.faults(faults.storeFailures()).apply(store.objects())) : store;
    }

    private static TaskQueue withDuplicates(TaskQueue queue, FaultInjection faults) {
        return faults.duplicateDeliveries() > 0 ? new DuplicatingTaskQueue(queue, faults.duplicateDeliveries(), 42) : queue;
    }

}
