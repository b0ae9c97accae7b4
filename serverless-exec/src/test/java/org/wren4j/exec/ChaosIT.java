package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobFailedException;
import org.wren4j.exec.job.JobFailure;
import org.wren4j.exec.job.JobKey;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.provision.ProcessLauncher;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.services.ServiceEndpoints;
import org.wren4j.exec.services.Services;
import org.wren4j.exec.services.WorkerOptions;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.exec.testing.ServicesFixture;
import org.wren4j.exec.worker.FaultTimeouts;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.library.Programs;
import org.wren4j.tiles.StoredTiles;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;
import org.wren4j.tiles.TileStore;

/**
 * The seeded chaos suite: per seed, a Cholesky or a GEMM job on real Redis (append-only file),
 * ElasticMQ and s3proxy with worker PROCESSES, while a driver does one or two faults picked by
 * the seed at a point of the job picked by the seed: SIGKILL or SIGSTOP workers, kill and
 * restart Redis, freeze it, flush it, restart ElasticMQ, kill and restart s3proxy on its data,
 * freeze it, fail tile reads and writes, send forged or duplicate task messages, kill the
 * client and attach from a new one.
 *
 * <p>Each run must end bit-identical to the fault-free in-memory result, or, only for the faults
 * that destroy what the job needs (a flushed Redis, a restarted in-memory queue) or keep a
 * service away longer than the workers' retry window, with a one-line error naming it; within
 * 3x the fault-free time plus the stall timeout. Never hung, never wrong. A freeze or restart
 * shorter than the retry window must be ridden out.
 *
 * <p>System properties choose the runs: {@code wren4j.chaos.seeds=N} (default 3) and
 * {@code wren4j.chaos.seed=S} (first seed, default 1); {@code wren4j.chaos.faults=A,B} draws
 * only from those faults (default all); {@code wren4j.chaos.stallSeconds=T} is how long a frozen
 * service stays frozen (default half the retry window). The {@code chaos} profile of this
 * module runs 40 seeds. A table of the outcomes per fault is printed at the end.
 */
class ChaosIT {
    private static final int SEEDS = Integer.getInteger("wren4j.chaos.seeds", 3);
    private static final long FIRST_SEED = Long.getLong("wren4j.chaos.seed", 1);
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final FaultTimeouts TIMEOUTS = FaultTimeouts.builder().lease(LEASE).retryWindow(Duration.ofSeconds(8))
            .stallTimeout(Duration.ofSeconds(45)).build(); // worker JVMs take seconds to start on a loaded machine
    private static final WorkerConfig WORKER = new WorkerConfig(2, LEASE, Duration.ofSeconds(5), 5, Duration.ofMillis(20))
            .withFaults(TIMEOUTS);
    private static final int MAX_WORKERS = 3;
    /** How long a frozen Redis or s3proxy stays frozen. */
    private static final Duration STALL = Duration.ofMillis(Math.round(1000 * Double.parseDouble(
            System.getProperty("wren4j.chaos.stallSeconds", Double.toString(TIMEOUTS.retryWindow().toMillis() / 2000.0)))));
    /** The faults the seeds draw from. */
    private static final List<Fault> FAULTS = faults(System.getProperty("wren4j.chaos.faults", ""));
    /** The longest time (seconds) a service was away in the current run, by a kill and restart or a freeze. */
    private static final java.util.concurrent.atomic.AtomicLong OUTAGE_NANOS = new java.util.concurrent.atomic.AtomicLong();

    enum Fault {
        KILL_WORKERS(false), FREEZE_WORKER(false), RESTART_REDIS(false), FREEZE_REDIS(false), FLUSH_REDIS(true),
        RESTART_SQS(true), STORE_FAULTS(false), FORGED_MESSAGES(false), DUPLICATE_MESSAGES(false), CLIENT_REATTACH(false),
        RESTART_S3(false), FREEZE_S3(false);

        /** Whether the fault destroys what the job needs, so a clear failure is an allowed end. */
        final boolean mayFail;

        Fault(boolean mayFail) {
            this.mayFail = mayFail;
        }

        /** Whether it keeps a service away for a time that is measured (its outage, not its damage, may end the job). */
        boolean outage() {
            return this == FREEZE_REDIS || this == RESTART_S3 || this == FREEZE_S3;
        }

        /**
         * Whether a clear failure is an allowed end of a run with this fault, whose services were
         * away for {@code outageSeconds} at most: a service away for less than the retry window
         * must be ridden out.
         */
        boolean mayFail(double outageSeconds) {
            return mayFail || outage() && outageSeconds >= TIMEOUTS.retryWindow().toMillis() / 1000.0;
        }
    }

    private static List<Fault> faults(String names) {
        if (names.isBlank()) {
            return List.of(Fault.values());
        }
        var out = new ArrayList<Fault>();
        for (String n : names.split(",")) {
            out.add(Fault.valueOf(n.strip().toUpperCase(java.util.Locale.ROOT)));
        }
        return List.copyOf(out);
    }

    enum Outcome { CORRECT, FAILED_CLEARLY, UNCLEAR_FAILURE, HUNG, WRONG }

    /** A job with inputs, the fault-free result and its fault-free time on the services. */
    private interface Workload {
        String name();

        void writeInputs(TileStore store, String tag);

        JobSpec spec(String jobId, String tag);

        double[] result(TileStore store, String tag);
    }

    private record Cholesky(CholeskyCase c) implements Workload {
        public String name() {
            return "cholesky " + c.n() + "/" + c.block();
        }

        public void writeInputs(TileStore store, String tag) {
            c.writeInput(store, "A" + tag);
        }

        public JobSpec spec(String jobId, String tag) {
            return c.spec(jobId, "A" + tag, "L" + tag);
        }

        public double[] result(TileStore store, String tag) {
            return c.readFactor(store, "L" + tag);
        }
    }

    /** C = A B on tiles x tiles grids of block x block tiles. */
    private record Gemm(int tiles, int block, long seed) implements Workload {
        public String name() {
            return "gemm " + tiles * block + "/" + block;
        }

        public void writeInputs(TileStore store, String tag) {
            var random = new SplittableRandom(seed);
            for (String m : List.of("A", "B")) {
                for (long i = 0; i < tiles; i++) {
                    for (long j = 0; j < tiles; j++) {
                        double[] v = new double[block * block];
                        Arrays.setAll(v, x -> random.nextDouble() - 0.5);
                        store.write(TileKey.of(m + tag, i, j), Tile.wrap(block, block, v)).toCompletableFuture().join();
                    }
                }
            }
        }

        public JobSpec spec(String jobId, String tag) {
            long n = (long) tiles * block;
            return new JobSpec(jobId, "gemm", Programs.gemm(), Map.of("M", (long) tiles, "N", (long) tiles, "K", (long) tiles), Map.of(
                    "A", new MatrixBinding("A" + tag, n, n, block, StoredTiles.ALL),
                    "B", new MatrixBinding("B" + tag, n, n, block, StoredTiles.ALL),
                    "C", new MatrixBinding("C" + tag, n, n, block, StoredTiles.ALL),
                    "T", MatrixBinding.temporary("tmp/" + jobId + "/T")));
        }

        public double[] result(TileStore store, String tag) {
            double[] out = new double[tiles * tiles * block * block];
            int k = 0;
            for (long i = 0; i < tiles; i++) {
                for (long j = 0; j < tiles; j++) {
                    double[] v = store.read(TileKey.of("C" + tag, i, j)).toCompletableFuture().join().values();
                    System.arraycopy(v, 0, out, k, v.length);
                    k += v.length;
                }
            }
            return out;
        }
    }

    /** One run; {@code outage}: the longest time (seconds) a service was away. */
    private record Run(long seed, Workload workload, List<Fault> faults, Outcome outcome, double seconds, double outage, String note) {
        boolean mayFail() {
            return faults.stream().anyMatch(f -> f.mayFail(outage));
        }
    }

    private static final List<Workload> WORKLOADS = List.of(new Cholesky(new CholeskyCase(768, 96, 3)), new Gemm(5, 96, 4));
    private static final Map<Workload, double[]> REFERENCE = new java.util.HashMap<>();
    private static final Map<Workload, Double> FAULT_FREE_SECONDS = new java.util.HashMap<>();
    private static final List<Run> RUNS = new ArrayList<>();
    /** The worker log directories of the current run. */
    private static final List<Path> LOG_DIRS = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Where the worker logs of a run that did not end correctly are kept for a look. */
    private static final Path KEPT_LOGS = Path.of("target", "chaos-logs");
    private static ServicesFixture services;
    private static ScheduledExecutorService driver;
    /** Runs the s3proxy faults of a run one after the other, in the order drawn (a freeze, then a restart of the frozen server). */
    private static java.util.concurrent.ExecutorService s3Driver;

    @BeforeAll
    static void start() throws IOException {
        services = ServicesFixture.start(true);
        driver = Executors.newScheduledThreadPool(2);
        s3Driver = Executors.newSingleThreadExecutor();
        for (Workload w : WORKLOADS) {
            TileStore memory = TileStore.inMemory();
            w.writeInputs(memory, "");
            try (var engine = ExecEngine.embedded(memory, EngineConfig.defaults().withMaxWorkers(2))) {
                engine.run(w.spec("reference", ""), ProgressListener.NONE);
            }
            REFERENCE.put(w, w.result(memory, ""));
            // the fault-free time on the same services and worker processes: the yardstick of a hang
            Run r = run(0, w, List.of(), "ff-" + WORKLOADS.indexOf(w));
            assertThat(r.outcome()).as("fault-free %s: %s", w.name(), r.note()).isEqualTo(Outcome.CORRECT);
            FAULT_FREE_SECONDS.put(w, r.seconds());
            deleteTree(KEPT_LOGS.resolve("ff-" + WORKLOADS.indexOf(w)));
            System.out.printf("chaos: fault-free %s on worker processes: %.1f s%n", w.name(), r.seconds());
        }
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.shutdownNow();
        }
        if (s3Driver != null) {
            s3Driver.shutdownNow();
        }
        if (services != null) {
            services.close();
        }
        printTable();
    }

    @Test
    void everySeedEndsCorrectOrFailsClearlyNeverHungNorWrong() throws IOException {
        for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
            var random = new SplittableRandom(seed);
            Workload w = WORKLOADS.get((int) Math.floorMod(seed, WORKLOADS.size()));
            List<Fault> faults = pick(random);
            Run r = run(seed, w, faults, "s" + seed);
            Path kept = KEPT_LOGS.resolve("s" + seed);
            if (r.outcome() == Outcome.CORRECT) {
                deleteTree(kept);
            } else {
                System.out.printf("chaos seed %d: worker logs kept in %s%n", seed, kept.toAbsolutePath());
            }
            RUNS.add(r);
            System.out.printf("chaos seed %d: %s with %s -> %s in %.1f s (longest outage %.1f s)%s%n", seed, w.name(), faults,
                    r.outcome(), r.seconds(), r.outage(), r.note().isEmpty() ? "" : ": " + r.note());
        }
        for (Run r : RUNS) {
            assertThat(r.outcome()).as("seed %d (%s with %s, outage %.1f s): %s", r.seed(), r.workload().name(), r.faults(), r.outage(),
                            r.note())
                    .isIn(r.mayFail() ? List.of(Outcome.CORRECT, Outcome.FAILED_CLEARLY) : List.of(Outcome.CORRECT));
        }
    }

    /** One or two faults of {@link #FAULTS}; at most one of those that may end the job. */
    private static List<Fault> pick(SplittableRandom random) {
        List<Fault> all = FAULTS;
        Fault first = all.get(random.nextInt(all.size()));
        if (random.nextInt(3) > 0 || all.stream().allMatch(f -> f == first || f.mayFail && first.mayFail)) {
            return List.of(first);
        }
        Fault second;
        do {
            second = all.get(random.nextInt(all.size()));
        } while (second == first || second.mayFail && first.mayFail);
        return List.of(first, second);
    }

    private static ProcessLauncher launcher(ServiceEndpoints e, double storeFaults) throws IOException {
        var args = new ArrayList<>(e.toArgs());
        WorkerOptions.toMap(WORKER, storeFaults).forEach((k, v) -> {
            args.add("--" + k);
            args.add(v);
        });
        Path logs = Files.createTempDirectory("wren4j-chaos");
        LOG_DIRS.add(logs);
        return new ProcessLauncher(args, List.of("-Xmx384m"), Map.of(), logs);
    }

    /** An engine on {@code s} whose workers are processes, each launcher kept in {@code launchers}. */
    private static ExecEngine engine(Services s, ServiceEndpoints e, double storeFaults, List<ProcessLauncher> launchers) {
        var config = EngineConfig.defaults().withMaxWorkers(MAX_WORKERS).withWorker(WORKER);
        return ExecEngine.withServices(s.store(), s.queue(), s.state(), config, h -> {
            try {
                var l = launcher(e, storeFaults);
                launchers.add(l);
                return l;
            } catch (IOException io) {
                throw new IllegalStateException(io);
            }
        });
    }

    private static ProcessLauncher last(List<ProcessLauncher> launchers) {
        return launchers.get(launchers.size() - 1);
    }

    private static Run run(long seed, Workload w, List<Fault> faults, String tag) throws IOException {
        ServiceEndpoints e = services.endpoints();
        String jobId = "chaos-" + tag + "-" + ProcessHandle.current().pid();
        var random = new SplittableRandom(seed * 31 + 7);
        double at = 0.2 + 0.4 * random.nextDouble();
        double budget = faults.isEmpty() ? 600 : 3 * FAULT_FREE_SECONDS.get(w) + TIMEOUTS.stallTimeout().toSeconds();
        Duration timeout = Duration.ofMillis((long) (budget * 1000));
        double storeFaults = faults.contains(Fault.STORE_FAULTS) ? 0.05 : 0;
        Services clean = Services.open(e);
        w.writeInputs(clean.store(), tag);
        OUTAGE_NANOS.set(0);
        long start = System.nanoTime();
        var launchers = new java.util.concurrent.CopyOnWriteArrayList<ProcessLauncher>();
        JobSpec spec = w.spec(jobId, tag);
        try {
            if (faults.contains(Fault.CLIENT_REATTACH)) {
                // a client submits, watches, and dies with its workers (SIGKILL: no cleanup runs); a new
                // client that knows only the job id attaches and starts workers of its own
                Services s = Services.open(e);
                ExecEngine first = engine(s, e, storeFaults, launchers);
                first.submit(spec);
                long deadline = System.nanoTime() + timeout.toNanos();
                while (true) {
                    var st = s.state().state(jobId).toCompletableFuture().join();
                    if (st.status().isFinal() || st.completed() >= at * st.total() || System.nanoTime() > deadline) {
                        break;
                    }
                    sleep(20);
                }
                for (Fault f : faults) {
                    inject(f, spec, s, launchers.isEmpty() ? null : last(launchers));
                }
                launchers.forEach(l -> l.kill(1.0));
                first.close();
                s.store().close();
            }
            Services s = Services.open(e);
            var engine = engine(s, e, storeFaults, launchers);
            var fired = new AtomicBoolean(faults.contains(Fault.CLIENT_REATTACH));
            try {
                if (!faults.contains(Fault.CLIENT_REATTACH)) {
                    engine.submit(spec);
                }
                long left = Math.max(1, timeout.toMillis() - (System.nanoTime() - start) / 1_000_000);
                engine.await(jobId, Optional.of(Duration.ofMillis(left)), (op, done, total, sec) -> {
                    if (total > 0 && done >= at * total && fired.compareAndSet(false, true)) {
                        for (Fault f : faults) {
                            inject(f, spec, s, last(launchers));
                        }
                    }
                });
            } finally {
                keepLogs(KEPT_LOGS.resolve(tag)); // closing the engine deletes the logs of workers that ended cleanly
                engine.close();
                s.store().close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            awaitServices();
            double[] result = w.result(clean.store(), tag);
            return Arrays.equals(result, REFERENCE.get(w))
                    ? new Run(seed, w, faults, Outcome.CORRECT, seconds, outage(), "")
                    : new Run(seed, w, faults, Outcome.WRONG, seconds, outage(), "the result differs from the fault-free bits");
        } catch (JobFailedException failed) {
            double seconds = (System.nanoTime() - start) / 1e9;
            String m = failed.getMessage();
            awaitServices();
            if (failed.failure().kind() == JobFailure.Kind.TIMED_OUT || seconds > budget + 30) {
                return new Run(seed, w, faults, Outcome.HUNG, seconds, outage(), m);
            }
            double outage = outage();
            boolean clear = !m.contains("\n") && faults.stream().anyMatch(f -> f.mayFail(outage) && namesFault(f, m));
            return new Run(seed, w, faults, clear ? Outcome.FAILED_CLEARLY : Outcome.UNCLEAR_FAILURE, seconds, outage, m);
        } catch (RuntimeException other) {
            awaitServices();
            return new Run(seed, w, faults, Outcome.UNCLEAR_FAILURE, (System.nanoTime() - start) / 1e9, outage(),
                    other.getClass().getSimpleName() + ": " + other.getMessage());
        } finally {
            launchers.forEach(ProcessLauncher::close);
            LOG_DIRS.clear();
            clean.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether a failure's one line names the fault that caused it. */
    private static boolean namesFault(Fault f, String message) {
        return switch (f) {
            case FLUSH_REDIS -> message.contains("lost its runtime state") && message.contains("Redis at");
            case RESTART_SQS -> message.contains("the task queue");
            case RESTART_REDIS, FREEZE_REDIS -> message.contains("the runtime state store");
            case RESTART_S3, FREEZE_S3 -> message.contains("the tile store");
            default -> false;
        };
    }

    private static void inject(Fault f, JobSpec spec, Services s, ProcessLauncher workers) {
        switch (f) {
            case KILL_WORKERS -> {
                if (workers != null) {
                    workers.kill(0.5);
                }
            }
            case FREEZE_WORKER -> {
                List<ProcessHandle> live = workers == null ? List.of() : workers.processes();
                if (!live.isEmpty()) {
                    ProcessHandle p = live.get(0);
                    signal("STOP", p.pid());
                    // back after twice the lease: its tasks ran elsewhere meanwhile
                    driver.schedule(() -> signal("CONT", p.pid()), 2 * LEASE.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            case RESTART_REDIS -> driver.execute(() -> services.redis.restart());
            case FREEZE_REDIS -> {
                long pid = services.redis.handle().pid();
                signal("STOP", pid);
                noteOutage(STALL.toNanos());
                // by default shorter than the retry window: ridden out
                driver.schedule(() -> signal("CONT", pid), STALL.toMillis(), TimeUnit.MILLISECONDS);
            }
            case RESTART_S3 -> s3Driver.execute(() -> {
                // SIGKILL and a new server on the same data directory: the tiles stay, the requests in flight are lost
                long t0 = System.nanoTime();
                try {
                    services.s3.restart();
                } finally {
                    noteOutage(System.nanoTime() - t0);
                }
            });
            case FREEZE_S3 -> s3Driver.execute(() -> {
                // connections are accepted by the kernel but nothing answers until SIGCONT
                services.s3.freeze(STALL);
                noteOutage(STALL.toNanos());
            });
            case FLUSH_REDIS -> driver.execute(() -> {
                var client = io.lettuce.core.RedisClient.create(services.redis.uri());
                try (var c = client.connect()) {
                    c.sync().flushall();
                } finally {
                    client.shutdown();
                }
            });
            case RESTART_SQS -> driver.execute(() -> services.sqs.restart());
            case STORE_FAULTS -> {
                // the workers were started with failing tile reads and writes
            }
            // an attacker's or a buggy client's send; if the queue is down (another fault) it is simply lost
            case FORGED_MESSAGES -> s.queue().send(List.of("s0:1000", "s0:-1", "s99:0", "garbage", "s1:0,1,2,3,4,5")
                    .stream().map(k -> new TaskMessage(spec.jobId(), k, Long.MIN_VALUE)).toList()).exceptionally(e -> null);
            case DUPLICATE_MESSAGES -> {
                // copies of real messages, signed as the job's own are (a redelivery or a client bug, not a forgery);
                // if the state cannot give the key (another fault), there is nothing to copy
                s.state().secret(spec.jobId()).thenCompose(secret -> {
                    JobKey key = JobKey.decode(secret.orElseThrow());
                    var copies = new ArrayList<TaskMessage>();
                    ProgramAnalysis.of(spec.program(), spec.args()).forEachTask(n -> {
                        if (copies.size() < 40) {
                            copies.add(key.sign(new TaskMessage(spec.jobId(), n.key(), 0)));
                        }
                    });
                    return s.queue().send(copies);
                }).exceptionally(e -> null);
            }
            case CLIENT_REATTACH -> {
                // the listener throws once the faults fired
            }
        }
    }

    /** Copies the workers' logs of this run to {@code to} before closing their launchers deletes them. */
    private static void keepLogs(Path to) {
        try {
            Files.createDirectories(to);
            for (Path dir : LOG_DIRS) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (var logs = Files.list(dir)) {
                    for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
                        Files.copy(log, to.resolve(dir.getFileName() + "-" + log.getFileName()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            System.out.println("chaos: cannot keep the worker logs in " + to + ": " + e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a kept log is harmless
        }
    }

    private static void noteOutage(long nanos) {
        OUTAGE_NANOS.accumulateAndGet(nanos, Math::max);
    }

    private static double outage() {
        return OUTAGE_NANOS.get() / 1e9;
    }

    /** Waits until the services serve again (a restart or freeze may outlast a failed run), for the next run. */
    private static void awaitServices() {
        try {
            s3Driver.submit(() -> { }).get(2, TimeUnit.MINUTES); // an s3proxy fault drawn but not done yet
        } catch (Exception e) {
            throw new IllegalStateException("an s3proxy fault did not end within 2 minutes", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                services.s3.client().listBuckets().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                sleep(200);
            }
        }
    }

    private static void signal(String sig, long pid) {
        try {
            new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void printTable() {
        var counts = new EnumMap<Fault, int[]>(Fault.class);
        for (Run r : RUNS) {
            for (Fault f : r.faults()) {
                counts.computeIfAbsent(f, k -> new int[Outcome.values().length + 1])[r.outcome().ordinal()]++;
                counts.get(f)[Outcome.values().length]++;
            }
        }
        var sb = new StringBuilder("\n| fault | runs | completed correctly | failed clearly | unclear failure | hung | wrong |\n"
                + "|---|---|---|---|---|---|---|\n");
        counts.forEach((f, c) -> sb.append(String.format("| %s | %d | %d | %d | %d | %d | %d |%n", f.name().toLowerCase().replace('_', ' '),
                c[Outcome.values().length], c[0], c[1], c[2], c[3], c[4])));
        System.out.println(sb);
    }
}
