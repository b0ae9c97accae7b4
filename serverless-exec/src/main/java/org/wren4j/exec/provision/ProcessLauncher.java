package org.wren4j.exec.provision;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import org.wren4j.exec.services.WorkerMain;
import org.wren4j.spi.WorkerLauncher;
import static java.util.Objects.requireNonNull;

/**
 * Workers as OS processes on this machine, each a JVM running the worker entry point
 * ({@code org.wren4j.exec.services.WorkerMain}) with one BLAS thread ({@code OMP_NUM_THREADS=1}).
 * The processes share nothing with this one but the services, so killing one (really: SIGKILL)
 * tests what a lost Lambda or machine does. Each writes its output to {@code worker-<n>.log} in
 * the log directory. The workers' arguments (which may hold the Redis password) go through a
 * file per worker in that directory, {@code worker-<n>.options}, readable by this user only,
 * never on the processes' command lines; the worker deletes it once read
 * ({@code --options-file-once}), so it does not outlive the worker's start even if this process
 * is killed. On {@link #close()} any such file no worker read is deleted, with the logs of
 * workers that ended cleanly (those of workers that failed or were killed stay) and the
 * directory once empty. They inherit only the environment variables they may need
 * ({@link #workerEnvironment}).
 */
public final class ProcessLauncher implements WorkerLauncher {
    private final List<String> command;
    private final List<String> workerArgs;
    private final Path logDir;
    /** The options files written, one per worker; each worker deletes its own once read. */
    private final List<Path> optionsFiles = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Every worker's log and its process: on close, the logs of those that ended cleanly go. */
    private final Map<Path, Process> logs = new ConcurrentHashMap<>();
    /** A JVM's exit status after SIGTERM: what {@link #close()} sends. */
    private static final int SIGTERM_STATUS = 143;
    private final Map<String, String> environment;
    private final Map<Process, Long> alive = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger launched = new AtomicInteger();
    private final DoubleAdder finishedSeconds = new DoubleAdder();

    /**
     * @param workerArgs  the worker's arguments (services and worker options)
     * @param jvmOptions  extra JVM options of the workers, e.g. {@code -Xmx512m}
     * @param environment extra environment of the workers (e.g. credentials)
     */
    public ProcessLauncher(List<String> workerArgs, List<String> jvmOptions, Map<String, String> environment, Path logDir) {
        this.workerArgs = List.copyOf(requireNonNull(workerArgs, "workerArgs is null"));
        this.logDir = requireNonNull(logDir, "logDir is null");
        this.environment = Map.copyOf(environment);
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the worker log directory " + logDir, e);
        }
        var cmd = new ArrayList<String>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        cmd.add("-XX:+UseSerialGC");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(WorkerMain.class.getName());
        cmd.add("--" + WorkerMain.OPTIONS_FILE_ONCE);
        this.command = List.copyOf(cmd);
    }

    @Override
    public synchronized void launch(int count) {
        for (int i = 0; i < count; i++) {
            int id = ids.incrementAndGet();
            Path options = WorkerMain.writeOptionsFile(logDir, "worker-" + id + ".options", workerArgs);
            optionsFiles.add(options);
            var cmd = new ArrayList<>(command);
            cmd.add(options.toString());
            var pb = new ProcessBuilder(cmd);
            Map<String, String> env = workerEnvironment(System.getenv());
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().putAll(environment);
            pb.redirectErrorStream(true);
            Path logPath = logDir.resolve("worker-" + id + ".log");
            File log = logPath.toFile();
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            try {
                Process p = pb.start();
                logs.put(logPath, p);
                long started = System.nanoTime();
                alive.put(p, started);
                launched.incrementAndGet();
                p.onExit().thenRun(() -> {
                    Long s = alive.remove(p);
                    if (s != null) {
                        finishedSeconds.add((System.nanoTime() - s) / 1e9);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start a worker process: " + command.get(0), e);
            }
        }
    }

    /** Variables a worker inherits by name: the system's basics, locale, proxies, Java's, AWS's and wren4j's own. */
    private static final java.util.Set<String> INHERITED = java.util.Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG",
            "TZ", "TMPDIR", "LD_LIBRARY_PATH", "JAVA_HOME", "JAVA_TOOL_OPTIONS", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
            "http_proxy", "https_proxy", "no_proxy");

    /**
     * What a worker process inherits of {@code parent}: only the variables it may need (see
     * {@link #INHERITED}, {@code LC_*}, {@code AWS_*} for its credentials and region,
     * {@code WREN4J_*}, and BLAS's own ({@code OPENBLAS_*}, {@code GOTO*}, {@code OMP_*}: a worker
     * that picked other BLAS kernels than its peers, e.g. by another {@code OPENBLAS_CORETYPE},
     * would round differently, and results would no longer be bit-identical whoever runs a
     * task), so unrelated secrets in the client's environment (tokens, passwords) do
     * not reach processes that run task code.
     */
    static Map<String, String> workerEnvironment(Map<String, String> parent) {
        var env = new java.util.TreeMap<String, String>();
        parent.forEach((k, v) -> {
            if (INHERITED.contains(k) || k.startsWith("LC_") || k.startsWith("AWS_") || k.startsWith("WREN4J_")
                    || k.startsWith("OPENBLAS_") || k.startsWith("GOTO") || k.startsWith("OMP_")) {
                env.put(k, v);
            }
        });
        return env;
    }

    @Override
    public int running() {
        return alive.size();
    }

    /** Processes started so far. */
    public int launched() {
        return launched.get();
    }

    /** The worker processes alive now. */
    public List<ProcessHandle> processes() {
        var out = new ArrayList<ProcessHandle>();
        for (Process p : alive.keySet()) {
            if (p.isAlive()) {
                out.add(p.toHandle());
            }
        }
        return out;
    }

    /**
     * Kills {@code fraction} of the live workers (rounded, at least one if any is alive) with
     * SIGKILL: no shutdown hook runs, held leases simply expire. Returns how many were killed.
     */
    public synchronized int kill(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
        }
        var live = new ArrayList<>(alive.keySet());
        Collections.shuffle(live, new java.util.Random(live.size()));
        int n = fraction == 0 ? 0 : Math.max(1, (int) Math.round(fraction * live.size()));
        int killed = 0;
        for (Process p : live.subList(0, Math.min(n, live.size()))) {
            p.destroyForcibly(); // SIGKILL on Unix
            killed++;
        }
        return killed;
    }

    @Override
    public double workerSeconds() {
        long now = System.nanoTime();
        double live = 0;
        for (Long s : alive.values()) {
            live += (now - s) / 1e9;
        }
        return finishedSeconds.sum() + live;
    }

    /** Stops the workers (SIGTERM) and waits a little for them to go. */
    @Override
    public void close() {
        var live = new ArrayList<>(alive.keySet());
        live.forEach(Process::destroy);
        for (Process p : live) {
            try {
                if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            for (Path options : optionsFiles) {
                Files.deleteIfExists(options); // a worker that died before reading it
            }
            // the logs of workers that ended cleanly (exit 0, or SIGTERM from here); the directory too once empty
            for (var e : logs.entrySet()) {
                Process p = e.getValue();
                if (!p.isAlive() && (p.exitValue() == 0 || p.exitValue() == SIGTERM_STATUS)) {
                    Files.deleteIfExists(e.getKey());
                } // a worker that failed, was killed or still runs: its log stays for a look
            }
            try (var left = Files.list(logDir)) {
                if (left.findAny().isEmpty()) {
                    Files.deleteIfExists(logDir);
                }
            }
        } catch (IOException e) {
            // best effort: the directory is this user's only
        }
    }
}
