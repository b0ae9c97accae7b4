package org.wren4j.spi;

import java.util.List;

/**
 * Starts workers somewhere (OS processes, a cluster's executors, a function service) and counts
 * the ones alive. A session's provisioner calls {@link #launch} every period with the workers it
 * is short of ({@code target - running()}), so {@link #running} must count a worker from its
 * launch until it has exited. A worker is the entry point {@code org.wren4j.api.Workers.run} (or
 * {@code wren4j worker}) given {@link Factory#create}'s arguments: it joins the session's services,
 * takes tasks until idle, and exits on its own. Workers that die are harmless: their tasks'
 * leases expire and other workers take them.
 *
 * <p>Give a {@link Factory} to {@code Wren.builder().services(...).workerLauncher(factory)}; the
 * session closes the launcher it made.
 */
public interface WorkerLauncher extends AutoCloseable {
    /**
     * Starts {@code count} more workers, without waiting for them to run. Called by one thread
     * at a time.
     *
     * @throws RuntimeException if workers cannot be started (the job then fails naming the cause)
     */
    void launch(int count);

    /** Workers launched and not yet exited; may lag a worker's exit by a moment. */
    int running();

    /** Worker-seconds provisioned so far: alive time summed over workers, for reports. */
    double workerSeconds();

    /** Stops launching and releases what the launcher holds; workers still alive may finish on their own. */
    @Override
    void close();

    /** Makes the launcher of one session. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param workerArguments the arguments of the worker entry point that join a worker to
         *                        this session's services with its options ({@code --redis ...
         *                        --sqs ... --bucket ... --pipeline ...}); pass them unchanged
         */
        WorkerLauncher create(List<String> workerArguments);
    }
}
