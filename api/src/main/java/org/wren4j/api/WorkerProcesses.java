package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.wren4j.exec.provision.ProcessLauncher;
import org.wren4j.spi.WorkerLauncher;

/**
 * Workers as OS processes on this machine, for a session on services
 * ({@code Wren.builder().services(endpoints).workerLauncher(processes)}): each a JVM on this
 * JVM's class path running the worker entry point ({@link Workers#run}) with one BLAS thread.
 * They share nothing with the client but the services, so {@link #kill} (SIGKILL) shows what a
 * lost machine or Lambda does to a job: nothing but the time to redo the tasks it held.
 */
public final class WorkerProcesses implements WorkerLauncher.Factory {
    private final List<String> jvmOptions;
    private final Path logDirectory;
    private final AtomicReference<ProcessLauncher> current = new AtomicReference<>();

    /**
     * @param jvmOptions   extra JVM options of each worker, e.g. {@code -Xmx1g}
     * @param logDirectory where each worker writes {@code worker-<n>.log} (created if missing)
     */
    public WorkerProcesses(List<String> jvmOptions, Path logDirectory) {
        this.jvmOptions = List.copyOf(requireNonNull(jvmOptions, "jvmOptions is null"));
        this.logDirectory = requireNonNull(logDirectory, "logDirectory is null");
    }

    /** @throws java.io.UncheckedIOException if the log directory cannot be created */
    @Override
    public WorkerLauncher create(List<String> workerArguments) {
        var launcher = new ProcessLauncher(workerArguments, jvmOptions, Map.of(), logDirectory);
        current.set(launcher);
        return new WorkerLauncher() {
            @Override
            public void launch(int count) {
                launcher.launch(count);
            }

            @Override
            public int running() {
                return launcher.running();
            }

            @Override
            public double workerSeconds() {
                return launcher.workerSeconds();
            }

            @Override
            public void close() {
                launcher.close();
            }
        };
    }

    /**
     * Kills {@code fraction} of the live workers of the latest session using these processes
     * (rounded, at least one if any is alive) with SIGKILL: no shutdown hook runs, their leases
     * simply expire and other workers redo their tasks.
     *
     * @return how many were killed (0 before the session has started any)
     * @throws IllegalArgumentException if {@code fraction} is outside [0, 1]
     */
    public int kill(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the fraction of workers to kill must be within [0, 1], got " + fraction);
        }
        ProcessLauncher l = current.get();
        return l == null ? 0 : l.kill(fraction);
    }
}
