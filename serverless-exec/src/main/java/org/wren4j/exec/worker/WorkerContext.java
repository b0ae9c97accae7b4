package org.wren4j.exec.worker;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Executor;
import org.wren4j.exec.job.JobRegistry;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.tiles.TileStore;

/** The services a worker talks to, the executor its tile I/O runs on, and the process's tile cache, and what the services last answered. */
public record WorkerContext(TaskQueue queue, RuntimeState state, TileStore store, JobRegistry jobs, LeaseKeeper leases, Executor io, TileCache cache,
                            ServiceHealth health) {
    public WorkerContext {
        requireNonNull(queue, "queue is null");
        requireNonNull(state, "state is null");
        requireNonNull(store, "store is null");
        requireNonNull(jobs, "jobs is null");
        requireNonNull(leases, "leases is null");
        requireNonNull(io, "io is null");
        requireNonNull(cache, "cache is null");
        requireNonNull(health, "health is null");
    }
}
