package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.wren4j.api.internal.SessionWiring;
import org.wren4j.exec.EngineConfig;
import org.wren4j.exec.ExecEngine;
import org.wren4j.exec.job.CriticalPath;
import org.wren4j.exec.job.JobBinder;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.plan.Planner;
import org.wren4j.planner.plan.Plan;
import org.wren4j.spi.ObjectStore;
import org.wren4j.spi.WorkerLauncher;
import org.wren4j.tiles.TileStore;

/**
 * A wren4j session: where matrices live (a tile store) and who computes (an execution engine).
 * {@link #local()} runs everything in this JVM with no set-up. Close it when done.
 *
 * <pre>{@code
 * try (Wren wren = Wren.local()) {
 *     BlockMatrix a = wren.randomSpd(4096, 1024, 42);
 *     double[][] l = a.cholesky().toArray();
 * }
 * }</pre>
 */
public final class Wren implements AutoCloseable {
    public static final int DEFAULT_BLOCK_SIZE = 1024;

    private final TileStore store;
    private final ExecEngine engine;
    private final int defaultBlockSize;
    private final JobProgress progress;
    private final ExecutorService clientIo;
    // Random, so sessions of different processes sharing a persistent store never pick the same names.
    private final String session = "s" + Long.toHexString(new SecureRandom().nextLong() & 0xffffffffffffL);
    private final AtomicLong ids = new AtomicLong();
    private volatile JobReport lastJob;
    private final PlanRunner runner;
    private final MatrixCatalog catalog;
    private final TileIo io;
    private final boolean deleteScratchOnClose;
    private final MatrixSources sources;
    private final Supplier<Map<String, Long>> queueRequests;
    private final Persistence persisted = new Persistence();

    private Wren(Builder b) {
        WorkerConfig wc = new WorkerConfig(b.pipelineWidth, b.leaseTimeout, b.idleTimeout, b.maxAttempts, b.retryBackoff);
        EngineConfig config = EngineConfig.defaults().withMaxWorkers(b.workers).withWorker(wc).withMaxTasks(b.maxTasks);
        if (b.lambda != null && b.services == null) {
            throw new IllegalStateException("lambda(...) needs services(...): Lambda workers reach the tiles, tasks and state through them");
        }
        if (b.launcher != null && b.services == null) {
            throw new IllegalStateException("workerLauncher(...) needs services(...): its workers reach the tiles, tasks and state through them");
        }
        if (b.launcher != null && b.lambda != null) {
            throw new IllegalStateException("lambda(...) and workerLauncher(...) both say where workers run: choose one");
        }
        SessionBackend backend = b.services != null ? SessionBackend.services(b.services, b.aws, b.lambda, b.launcher, config, b.faults)
                : SessionBackend.embedded(b.store, config, b.faults);
        this.store = backend.store();
        this.engine = backend.engine();
        this.queueRequests = backend.queueRequests();
        this.defaultBlockSize = b.blockSize;
        this.progress = b.progress;
        this.runner = new PlanRunner(engine, this::newName, this::describeStored, progress, r -> lastJob = r);
        this.catalog = new MatrixCatalog(store, runner);
        this.deleteScratchOnClose = b.deleteScratchOnClose != null ? b.deleteScratchOnClose : b.storeIsDirectory;
        this.clientIo = Executors.newFixedThreadPool(b.workers, r -> {
            Thread t = new Thread(r, "wren4j-client-io");
            t.setDaemon(true);
            return t;
        });
        this.io = new TileIo(store, runner, clientIo);
        this.sources = new MatrixSources(this, store, clientIo, b.workers, catalog);
    }

    /** A session with every default: in-memory tiles, one worker thread per core. */
    public static Wren local() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a session; {@link #build()} starts it. */
    public static final class Builder {
        private int workers = Runtime.getRuntime().availableProcessors();
        private int blockSize = DEFAULT_BLOCK_SIZE;
        private int pipelineWidth = 2;
        private int maxAttempts = 5;
        private long maxTasks = EngineConfig.DEFAULT_MAX_TASKS;
        private Duration leaseTimeout = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(2);
        private Duration retryBackoff = Duration.ofMillis(100);
        private FaultInjection faults = FaultInjection.NONE;
        private WorkerLauncher.Factory launcher;
        private TileStore store;
        private ServiceEndpoints services;
        private LambdaWorkers lambda;
        private AwsConfig aws = AwsConfig.defaults();
        private boolean storeIsDirectory;
        private Boolean deleteScratchOnClose; // null: delete for a store directory only
        private JobProgress progress = (op, done, total, seconds) -> { };

        private Builder() {
        }

        /** Most single-core workers at once (default: the machine's cores). */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Default tile edge for matrices created without one (default 1024). */
        public Builder blockSize(int blockSize) {
            this.blockSize = checkBlock(blockSize);
            return this;
        }

        /** Tasks each worker keeps in flight to overlap tile I/O with compute (default 2). */
        public Builder pipelineWidth(int width) {
            if (width < 1) {
                throw new IllegalArgumentException("pipeline width must be >= 1, got " + width);
            }
            this.pipelineWidth = width;
            return this;
        }

        /** How long a task stays leased without a heartbeat before it is redelivered (default 30 s). */
        public Builder leaseTimeout(Duration timeout) {
            this.leaseTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        /** How long an idle worker waits for a task before it exits (default 2 s). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        /** Base of the exponential backoff between attempts of a task that failed transiently (default 100 ms). */
        public Builder retryBackoff(Duration base) {
            requireNonNull(base, "base is null");
            if (base.isNegative()) {
                throw new IllegalArgumentException("retry backoff must not be negative, got " + base);
            }
            this.retryBackoff = base;
            return this;
        }

        /** Injects {@code faults} to test recovery (default {@link FaultInjection#NONE}); see {@link FaultInjection}. */
        public Builder faults(FaultInjection faults) {
            this.faults = requireNonNull(faults, "faults is null");
            return this;
        }

        /**
         * Starts the workers with {@code factory}'s launcher instead of threads in this JVM (needs
         * {@link #services}); {@link #workers} caps how many run at once. E.g. {@link WorkerProcesses},
         * or a cluster's executors; see {@link WorkerLauncher} for what a launcher must do.
         */
        public Builder workerLauncher(WorkerLauncher.Factory factory) {
            this.launcher = requireNonNull(factory, "factory is null");
            return this;
        }

        /**
         * Tasks one job may have (default 100,000,000): a job with more, usually a block far too
         * small for the matrix, is refused with a {@link WrenException} before anything runs.
         *
         * @throws IllegalArgumentException if {@code tasks < 1}
         */
        public Builder maxTasksPerJob(long tasks) {
            if (tasks < 1) {
                throw new IllegalArgumentException("maxTasksPerJob must be >= 1, got " + tasks);
            }
            this.maxTasks = tasks;
            return this;
        }

        /** Deliveries of a task before a transient failure fails the job (default 5). */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Keeps tiles in {@code objects} (default: in memory), under keys that start with
         * {@code prefix}: an application's own store (see {@link ObjectStore} for what it must do).
         * The session closes it.
         */
        public Builder objectStore(ObjectStore objects, String prefix) {
            return tileStore(new TileStore(requireNonNull(objects, "objects is null"), requireNonNull(prefix, "prefix is null")));
        }

        private Builder tileStore(TileStore store) {
            this.store = requireNonNull(store, "store is null");
            this.services = null;
            this.storeIsDirectory = false;
            return this;
        }

        /**
         * Computes on real services: tiles in S3, tasks on SQS, the runtime state in Redis, with
         * {@link #workers} worker threads in this JVM (workers elsewhere join through the same
         * services). {@link #build()} connects to all three and fails with a {@link WrenException}
         * naming the service and endpoint that does not answer. Replaces an {@link #objectStore} or
         * {@link #storeDirectory}; the session closes the connections.
         */
        public Builder services(ServiceEndpoints endpoints) {
            this.services = requireNonNull(endpoints, "endpoints is null");
            this.store = null;
            this.storeIsDirectory = false;
            return this;
        }

        /**
         * Runs the workers as AWS Lambda invocations instead of threads in this JVM (needs
         * {@link #services}); {@link #workers} caps how many run at once. The provisioner starts
         * invocations while tasks are pending, and each ends when idle or near its deadline.
         */
        public Builder lambda(LambdaWorkers workers) {
            this.lambda = requireNonNull(workers, "workers is null");
            return this;
        }

        /**
         * AWS settings for the {@link #services} on AWS (S3, SQS) and the {@link #lambda} workers:
         * they come before the environment's {@code WREN4J_AWS_*}, the properties file and AWS's
         * default chains (see {@link AwsConfig}). A missing region, missing or refused credentials,
         * or an unreachable endpoint fail {@link #build()} with one line naming which and where.
         */
        public Builder aws(AwsConfig aws) {
            this.aws = requireNonNull(aws, "aws is null");
            return this;
        }

        /**
         * Whether {@link Wren#close()} deletes the matrices this session stored under generated
         * names (inputs it made, results not saved): its scratch. The default is yes for a
         * {@link #storeDirectory} and no for an {@link #objectStore} or the {@link #services}, where a client that re-attaches to
         * a job by id may still read its result; say yes for a bucket that should not keep them.
         */
        public Builder deleteScratchOnClose(boolean delete) {
            this.deleteScratchOnClose = delete;
            return this;
        }

        /**
         * Keeps tiles in {@code directory} (created if missing), so a matrix saved by one process
         * ({@link BlockMatrix#save}) can be opened by another ({@link Wren#open}). Matrices the
         * session stores under generated names are its scratch: {@link Wren#close()} deletes them.
         */
        public Builder storeDirectory(Path directory) {
            this.store = TileStore.inDirectory(requireNonNull(directory, "directory is null"));
            this.services = null;
            this.storeIsDirectory = true;
            return this;
        }

        /** Receives progress of every job while {@code compute()} waits. */
        public Builder progress(JobProgress listener) {
            this.progress = requireNonNull(listener, "listener is null");
            return this;
        }

        static {
            SessionWiring.register(new SessionWiring.Access() {
                @Override
                public void store(Builder b, TileStore store) {
                    b.tileStore(store);
                }

            });
        }

        public Wren build() {
            return new Wren(this);
        }
    }

    public int defaultBlockSize() {
        return defaultBlockSize;
    }

    public int workers() {
        return engine.config().maxWorkers();
    }

    /** Figures of the last job this session ran, if any. */
    public Optional<JobReport> lastJob() {
        return Optional.ofNullable(lastJob);
    }

    /**
     * Stores a dense row-major array as a matrix with square tiles of {@code blockSize}.
     *
     * @throws IllegalArgumentException if the array is empty or ragged (rows of different lengths)
     */
    public BlockMatrix fromArray(double[][] a, int blockSize) {
        return sources.fromArray(a, blockSize);
    }

    public BlockMatrix fromArray(double[][] a) {
        return fromArray(a, defaultBlockSize);
    }

    /** A matrix of uniform [0, 1) values; the same seed gives the same matrix. */
    public BlockMatrix random(long rows, long cols, int blockSize, long seed) {
        return sources.random(rows, cols, blockSize, seed);
    }

    /** A random symmetric positive definite matrix {@code (U + U^T) / 2 + n I}, U uniform [0, 1). */
    public BlockMatrix randomSpd(long n, int blockSize, long seed) {
        return sources.randomSpd(n, blockSize, seed);
    }

    /** The {@code n x n} identity (symmetric positive definite by construction). */
    public BlockMatrix eye(long n, int blockSize) {
        return sources.eye(n, blockSize);
    }

    /** A matrix of zeros. */
    public BlockMatrix zeros(long rows, long cols, int blockSize) {
        return sources.zeros(rows, cols, blockSize);
    }

    /** A matrix of ones (numpy's {@code ones}). */
    public BlockMatrix ones(long rows, long cols, int blockSize) {
        return full(rows, cols, 1, blockSize);
    }

    /** A matrix with every element {@code value} (numpy's {@code full}). */
    public BlockMatrix full(long rows, long cols, double value, int blockSize) {
        return sources.full(rows, cols, value, blockSize);
    }

    /**
     * A writer that streams rows into a new matrix with {@code cols} columns and square tiles of
     * {@code blockSize}; memory stays bounded by one tile row.
     */
    public MatrixWriter matrixWriter(long cols, int blockSize) {
        checkBlock(blockSize);
        return new MatrixWriter(this, newName(), cols, blockSize);
    }

    /**
     * A new matrix to be written by many writers at once, possibly in other processes with sessions
     * on this session's store: range {@code r} holds the next {@code rangeRows[r]} rows (zero is
     * allowed). See {@link SharedMatrix}.
     *
     * @throws IllegalArgumentException if a count is negative, all are zero, or the sizes are bad
     */
    public SharedMatrix sharedMatrix(long cols, int blockSize, long[] rangeRows) {
        requireNonNull(rangeRows, "rangeRows is null");
        var starts = new ArrayList<Long>();
        long at = 0;
        starts.add(at);
        for (long n : rangeRows) {
            if (n < 0) {
                throw new IllegalArgumentException("a range cannot hold " + n + " rows");
            }
            at = Math.addExact(at, n);
            starts.add(at);
        }
        return new SharedMatrix(newName(), cols, blockSize, starts);
    }

    TileIo io() {
        return io;
    }

    /** A stored matrix as the user knows it (their name for it, or what made it), for messages. */
    private String describeStored(String storeName) {
        return catalog.describe(storeName);
    }

    String newName() {
        return session + "/m" + ids.incrementAndGet();
    }

    /** Computes {@code expr} as one fused job and returns the stored result. */
    Leaf evaluate(MatrixExpr expr) {
        return evaluateAll(List.of(expr)).get(0);
    }

    /**
     * Computes every root in one fused job and returns each stored result, in order. Persisted
     * matrices already stored are read, not computed; those still pending that the roots contain
     * are more results of the same job, and stored once it succeeds.
     */
    List<Leaf> evaluateAll(List<MatrixExpr> roots) {
        List<MatrixExpr> resolved = persisted.resolve(roots);
        List<MatrixExpr> pending = persisted.pendingIn(resolved);
        List<MatrixExpr> all = new ArrayList<>(resolved);
        all.addAll(pending);
        List<Leaf> outs = runner.evaluateAll(all);
        Set<String> inputs = new HashSet<>();
        all.forEach(r -> leafNames(r, inputs));
        for (Leaf out : new LinkedHashSet<>(outs)) {
            if (!inputs.contains(out.name())) {
                catalog.recordGenerated(out, lastJob().map(j -> "job: " + j.operation()).orElse("job"), List.of());
            }
        }
        for (int i = 0; i < pending.size(); i++) {
            Leaf kept = outs.get(resolved.size() + i);
            boolean owned = !inputs.contains(kept.name());
            if (!persisted.stored(pending.get(i), kept, owned) && owned && !outs.subList(0, resolved.size()).contains(kept)) {
                deleteQuietly(kept.name()); // unpersisted while its job ran
            }
        }
        return List.copyOf(outs.subList(0, resolved.size()));
    }

    /** Keeps {@code expr} once the first job containing it computes it; see {@link BlockMatrix#persist()}. */
    void persist(MatrixExpr expr, Leaf computed) {
        if (expr instanceof Leaf) {
            return;
        }
        if (computed != null) {
            persisted.markComputed(expr, computed);
        } else {
            persisted.mark(expr);
        }
    }

    /** Drops the mark of {@code expr} and the tiles only it held; see {@link BlockMatrix#unpersist()}. */
    void unpersist(MatrixExpr expr) {
        persisted.unmark(expr).ifPresent(leaf -> deleteQuietly(leaf.name()));
    }

    /** Whether {@code expr} is persisted, and if so whether stored yet. */
    Optional<Persistence.Mark> persistence(MatrixExpr expr) {
        return persisted.state(expr);
    }

    /** Whether {@code leaf} holds a persisted matrix's tiles (a handle then reads them, not caches them). */
    boolean keeps(Leaf leaf) {
        return persisted.keeps(leaf);
    }

    /** The user holds a handle on {@code leaf}: a persisted matrix's tiles there outlive its unpersist. */
    void handedOut(Leaf leaf) {
        persisted.handedOut(leaf);
    }

    private void deleteQuietly(String name) {
        try {
            catalog.delete(name);
        } catch (WrenException e) {
            // best effort: tiles left behind cost space, never correctness
        }
    }

    /**
     * Computes all the given matrices in ONE job (numpy/dask style): shared sub-expressions run
     * once, and matrices that are already computed or stored are not computed again. Afterwards
     * every handle is computed, as after its own {@link BlockMatrix#compute()}.
     *
     * @return a handle on each stored result, in the order given
     * @throws WrenException if the job fails (then none of them is computed)
     * @throws IllegalArgumentException if a matrix belongs to another session
     */
    public List<BlockMatrix> compute(BlockMatrix... matrices) {
        requireNonNull(matrices, "matrices is null");
        List<MatrixExpr> roots = new ArrayList<>();
        for (BlockMatrix m : matrices) {
            roots.add(own(m, "compute").current());
        }
        if (roots.isEmpty()) {
            return List.of();
        }
        List<Leaf> leaves = evaluateAll(roots);
        List<BlockMatrix> out = new ArrayList<>();
        for (int i = 0; i < matrices.length; i++) {
            Leaf leaf = matrices[i].computedAs(leaves.get(i));
            handedOut(leaf);
            out.add(new BlockMatrix(this, leaf));
        }
        return out;
    }

    /**
     * The plan of computing all the given matrices in one job ({@link #compute(BlockMatrix...)}),
     * for people to read: each expression, its rewrite as a tree, the steps with their task
     * counts, and the size of the one fused program; see {@link #explain(Detail, BlockMatrix...)}.
     */
    public String explain(BlockMatrix... matrices) {
        return explain(Detail.SUMMARY, matrices);
    }

    /** {@link #explain(BlockMatrix...)} at the given detail: {@link Detail#PROGRAM} adds the program's listing. */
    public String explain(Detail detail, BlockMatrix... matrices) {
        requireNonNull(detail, "detail is null");
        requireNonNull(matrices, "matrices is null");
        if (matrices.length == 0) {
            throw new IllegalArgumentException("explain: no matrices given");
        }
        List<MatrixExpr> roots = new ArrayList<>();
        for (BlockMatrix m : matrices) {
            roots.add(own(m, "explain").current());
        }
        return explain(detail, runner.plan(persisted.resolve(roots)));
    }

    /**
     * A {@code rows x cols} matrix in tiles of {@code blockSize} whose tiles do not exist: an input
     * for {@link #dryRun}, {@link #simulate} and {@link #lowerBounds}, which read no tile. Declare
     * its kind as for any matrix (e.g. {@link BlockMatrix#asSpd()}); computing anything from it
     * for real fails, as its tiles are missing.
     *
     * @throws IllegalArgumentException if a size is below 1
     */
    public BlockMatrix placeholder(long rows, long cols, int blockSize) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("placeholder: rows and cols must be >= 1, got " + rows + " x " + cols);
        }
        return new BlockMatrix(this, new Leaf(newName(), new Shape(rows, cols), checkBlock(blockSize), Structure.GENERAL));
    }

    /**
     * Runs the ONE job that would compute the given matrices with its whole control plane (leases,
     * completions, children, acknowledgements on this session's queue and state) but no tile read,
     * written or computed: what the queue and the state store can carry, in tasks per second.
     *
     * @throws IllegalArgumentException if every matrix given is stored already, or one belongs to another session
     * @throws JobFailedException if the job fails (e.g. its services fail)
     */
    public Rehearsal dryRun(BlockMatrix... matrices) {
        return rehearse("dryRun", JobBinder.DRY_RUN, matrices);
    }

    /**
     * As {@link #dryRun}, each task holding its worker for its kernel's textbook flops at
     * {@code gflops} GFLOP/s: the job rehearsed in real time on this session's own workers and
     * services, nothing computed. To model a larger cluster in virtual time, see {@link #simulate}.
     *
     * @throws IllegalArgumentException if gflops is not a positive finite number, or as {@link #dryRun}
     */
    public Rehearsal rehearse(double gflops, BlockMatrix... matrices) {
        return rehearse("rehearse", new JobBinder.Simulated(gflops), matrices);
    }

    /**
     * The ONE job that would compute the given matrices, simulated in virtual time on as many
     * modelled workers as {@code options} allows (say 1,800 function workers), with the real
     * dependency analysis, runtime-state protocol, lease queue and provisioner; nothing runs on
     * this session's workers and no tile is touched. Returns its time, core-seconds and bill.
     *
     * @throws IllegalArgumentException if every matrix given is stored already, one belongs to
     *                                  another session, or a calibration or prices file is invalid
     */
    public SimulationReport simulate(SimulationOptions options, BlockMatrix... matrices) {
        requireNonNull(options, "options is null");
        return SimulationReport.of(runner.simulate(roots("simulate", matrices), options), options);
    }

    /**
     * The work and the critical path of the one job that would compute the given matrices, each
     * task at {@code gflops}; nothing runs. Walks every task once: cheap next to the job, not free.
     *
     * @throws IllegalArgumentException if gflops is not a positive finite number, or as {@link #dryRun}
     */
    public LowerBounds lowerBounds(double gflops, BlockMatrix... matrices) {
        CriticalPath p = runner.bounds(roots("lowerBounds", matrices), gflops);
        return new LowerBounds(p.tasks(), p.flops(), p.seconds());
    }

    /**
     * Requests this session made to its task queue service so far, by kind ({@code receive},
     * {@code send}, ...) with their sum under {@code requests}, plus {@code empty_receive} and
     * {@code messages_received}; empty for the in-memory queue.
     */
    public Map<String, Long> queueRequests() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(queueRequests.get()));
    }

    private Rehearsal rehearse(String op, JobBinder.Mode mode, BlockMatrix... matrices) {
        PlanRunner.Rehearsed r = runner.rehearse(roots(op, matrices), mode);
        return new Rehearsal(r.report(), r.results().stream().map(l -> new BlockMatrix(this, l)).toList());
    }

    private List<MatrixExpr> roots(String op, BlockMatrix... matrices) {
        requireNonNull(matrices, "matrices is null");
        if (matrices.length == 0) {
            throw new IllegalArgumentException(op + ": no matrices given");
        }
        List<MatrixExpr> roots = new ArrayList<>();
        for (BlockMatrix m : matrices) {
            roots.add(own(m, op).current());
        }
        return persisted.resolve(roots);
    }

    /** Jobs this session has started: a test hook (e.g. that the parts of an LU come from one job). */
    long jobsStarted() {
        return runner.jobsStarted();
    }

    private BlockMatrix own(BlockMatrix m, String op) {
        requireNonNull(m, "a matrix is null");
        if (m.session() != this) {
            throw new IllegalArgumentException(op + ": a matrix belongs to another Wren session");
        }
        return m;
    }

    private static void leafNames(MatrixExpr e, Set<String> out) {
        if (e instanceof Leaf l) {
            out.add(l.name());
        }
        e.children().forEach(c -> leafNames(c, out));
    }

    /** Records a matrix a {@link MatrixWriter} finished. */
    void recordWritten(Leaf leaf, List<String> columnNames) {
        catalog.recordGenerated(leaf, "matrixWriter", columnNames);
    }

    Leaf save(Leaf leaf, String name, SaveOptions options) {
        return catalog.save(leaf, name, options);
    }

    /**
     * The matrix stored under {@code name}, by this or any earlier session on the same store.
     *
     * @throws WrenException listing the stored names if there is none
     * @throws IllegalArgumentException if {@code name} cannot name a matrix
     */
    public BlockMatrix open(String name) {
        requireNonNull(name, "name is null");
        return new BlockMatrix(this, catalog.open(name));
    }

    /** What the store records about {@code name}: shape, blocks, structure, creation, column names. */
    public MatrixInfo info(String name) {
        requireNonNull(name, "name is null");
        return catalog.info(name);
    }

    /**
     * Checks that {@code name} can name a stored matrix: slash-separated segments of letters,
     * digits, {@code . _ -}, none starting with {@code .}; lets callers reject a name before long work.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static void checkMatrixName(String name) {
        requireNonNull(name, "name is null");
        org.wren4j.tiles.MatrixManifest.checkName(name);
    }

    /**
     * The jobs of this session's services, whichever client submitted them: list, attach by id
     * (its results become stored matrices), cancel, collect finished ones. On the embedded
     * default they are this session's own.
     */
    public Jobs jobs() {
        return new Jobs(engine, progress, r -> lastJob = r);
    }

    /** Names of every matrix in the store (saved ones and this session's own), sorted. */
    public List<String> list() {
        return catalog.list();
    }

    /**
     * Deletes the matrix stored under {@code name} (tiles, manifest, column names); a missing name
     * does nothing. A persisted matrix kept there is persisted no more: the next action computes it.
     */
    public void delete(String name) {
        requireNonNull(name, "name is null");
        catalog.delete(name);
        persisted.forget(name);
    }

    /** The plan of {@code expr} as text: rewrite, steps, and the one fused program. */
    String explain(Detail detail, MatrixExpr expr) {
        requireNonNull(detail, "detail is null");
        return explain(detail, runner.plan(persisted.resolve(List.of(expr))));
    }

    private static String explain(Detail detail, Plan plan) {
        return detail == Detail.PROGRAM ? Planner.explain(plan) : Planner.summary(plan);
    }

    /**
     * What a notebook shows for the matrix of {@code expr} whose current form is {@code current}
     * (its stored result once computed); never computes, reads at most one tile.
     */
    MatrixCard card(MatrixExpr expr, MatrixExpr current) {
        String where = store.describe();
        Optional<Persistence.Mark> mark = persisted.state(expr);
        if (mark.isPresent() && mark.get() instanceof Persistence.Kept kept) {
            return card(kept.leaf(), MatrixCard.State.PERSISTED, "in this session as " + kept.leaf().name() + "; unpersist() drops it", where);
        }
        if (!(current instanceof Leaf leaf)) {
            String text = current.toString();
            String detail = text.length() > 120 ? text.substring(0, 117) + "..." : text;
            String note = mark.isPresent() ? "persist(): the next job that uses it stores it" : "compute() it to see its values";
            return new MatrixCard(current.shape().rows(), current.shape().cols(), current.blockSize(), current.structure(),
                    MatrixCard.State.LAZY, detail, where, null, note);
        }
        String name = leaf.name();
        if (!catalog.generated().contains(name) && name.startsWith(session + "/")) {
            return new MatrixCard(leaf.shape().rows(), leaf.shape().cols(), leaf.blockSize(), leaf.structure(), MatrixCard.State.PLACEHOLDER,
                    name, where, null, "a placeholder has no values: it is for dryRun, simulate and lowerBounds");
        }
        MatrixCard.State state = catalog.generated().contains(name) ? MatrixCard.State.COMPUTED : MatrixCard.State.STORED;
        String detail = state == MatrixCard.State.COMPUTED ? catalog.describe(name) + " (scratch " + name + ")" : name;
        return card(leaf, state, detail, where);
    }

    /** The card of a stored matrix, with the top-left corner of its first tile. */
    private MatrixCard card(Leaf leaf, MatrixCard.State state, String detail, String where) {
        double[][] corner = null;
        String note = null;
        try {
            double[][] tile = io.readTile(leaf, 0, 0);
            int r = Math.min(MatrixCard.CORNER, tile.length);
            int c = Math.min(MatrixCard.CORNER, tile[0].length);
            corner = new double[r][];
            for (int i = 0; i < r; i++) {
                corner[i] = java.util.Arrays.copyOf(tile[i], c);
            }
        } catch (RuntimeException e) {
            note = "values not readable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
        }
        return new MatrixCard(leaf.shape().rows(), leaf.shape().cols(), leaf.blockSize(), leaf.structure(), state, detail, where, corner, note);
    }

    static int checkBlock(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
        }
        return blockSize;
    }

    @Override
    public void close() {
        for (Leaf kept : persisted.clear()) {
            deleteQuietly(kept.name());
        }
        if (deleteScratchOnClose) {
            for (String name : catalog.generated()) {
                try {
                    catalog.delete(name);
                } catch (WrenException e) {
                    // best effort: scratch left behind costs space, never correctness
                }
            }
        }
        engine.close();
        clientIo.shutdownNow();
        store.close();
    }
}
