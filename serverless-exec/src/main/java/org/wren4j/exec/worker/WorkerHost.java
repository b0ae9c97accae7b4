package org.wren4j.exec.worker;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.wren4j.exec.job.JobRegistry;
import org.wren4j.exec.job.JobSpecStore;
import org.wren4j.exec.kernels.KernelLibrary;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.tiles.TileStore;

/**
 * What the workers of one process share: the job registry (backed by the spec store, so any job
 * can be loaded by id), the lease heartbeat, the tile I/O executor and the tile cache. The same
 * host serves worker threads in a client, a worker process ({@code WorkerMain} in {@code exec.services}) and a Lambda
 * invocation. Closing it stops the heartbeat and the I/O threads, not the services.
 */
public final class WorkerHost implements AutoCloseable {
    private final WorkerConfig config;
    private final LeaseKeeper leases;
    private final ExecutorService io;
    private final WorkerContext context;

    public WorkerHost(TaskQueue queue, RuntimeState state, TileStore store, WorkerConfig config, int ioThreads, TileCache cache) {
        this.config = requireNonNull(config, "config is null");
        KernelLibrary.singleThreaded();
        this.io = Executors.newFixedThreadPool(Math.max(2, ioThreads), r -> {
            Thread t = new Thread(r, "wren4j-io");
            t.setDaemon(true);
            return t;
        });
        var jobs = new JobRegistry(new JobSpecStore(store.objects()), state);
        var health = new ServiceHealth(ServiceHealth.describe(queue), ServiceHealth.describe(state), store.objects().describe());
        this.leases = new LeaseKeeper(queue, config.visibility(), health);
        this.context = new WorkerContext(queue, state, store, jobs, leases, io, cache, health);
    }

    public WorkerContext context() {
        return context;
    }

    public JobRegistry jobs() {
        return context.jobs();
    }

    /** What the services last answered to this process's workers (and its client, if any). */
    public ServiceHealth health() {
        return context.health();
    }

    public WorkerConfig config() {
        return config;
    }

    /** A new worker of this host; run it on a thread of its own. */
    public Worker newWorker() {
        return new Worker(context, config);
    }

    @Override
    public void close() {
        leases.close();
        io.shutdownNow();
    }
}
