package org.wren4j.exec;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.wren4j.exec.job.JobControl;
import org.wren4j.exec.job.JobFailedException;
import org.wren4j.exec.job.JobFailure;
import org.wren4j.exec.job.JobKey;
import org.wren4j.exec.job.JobMetrics;
import org.wren4j.exec.job.TaskSpan;
import org.wren4j.exec.job.JobRegistry;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.JobSpecStore;
import org.wren4j.exec.job.JobTooLargeException;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.provision.Provisioner;
import org.wren4j.exec.provision.ThreadLauncher;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.exec.state.JobState;
import org.wren4j.exec.state.JobStatus;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.exec.worker.FaultTimeouts;
import org.wren4j.exec.worker.ServiceHealth.Service;
import org.wren4j.exec.worker.ServiceHealth;
import org.wren4j.exec.worker.TileCache;
import org.wren4j.exec.worker.WorkerHost;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.spi.WorkerLauncher;
import org.wren4j.tiles.StoreCapacity;
import org.wren4j.tiles.TileStore;

/**
 * Runs LAmbdaPACK jobs: registers the job, finds its starting tasks symbolically, puts them on
 * the queue and lets the provisioner scale workers to the ready queue. The client waits on the
 * runtime state; all job state lives in the queue, the state store and the tile store, and the
 * job spec is stored next to the tiles, so a client in another process can {@link #await} any
 * job by its id (re-attach) and workers anywhere can run its tasks.
 */
public final class ExecEngine implements AutoCloseable {
    /**
     * The client polls the job's state every 2 ms while tasks complete, backing off to 20 ms
     * while none does: a remote state store then answers ~50 polls a second during long kernels
     * instead of 500, which cost the client's event loop and Redis real CPU on a busy machine,
     * and the end of a job is still seen within 20 ms.
     */
    private static final System.Logger LOG = System.getLogger(ExecEngine.class.getName());
    private static final long MIN_POLL_MILLIS = 2;
    /** How long a stalled job's diagnosis waits for the queue to answer. */
    private static final long PROBE_SECONDS = 5;
    private static final long MAX_POLL_MILLIS = 20;
    private final TileStore store;
    private final TaskQueue queue;
    private final RuntimeState state;
    private final JobSpecStore specs;
    private final JobRegistry jobs;
    private final WorkerHost host;
    private final Provisioner provisioner;
    private final EngineConfig config;
    private final TileCache cache = TileCache.ofHeapFraction(0.25);
    private final ServiceHealth health;

    private ExecEngine(TileStore store, TaskQueue queue, RuntimeState state, EngineConfig config,
                       Function<WorkerHost, WorkerLauncher> launcher) {
        this.store = requireNonNull(store, "store is null");
        this.queue = requireNonNull(queue, "queue is null");
        this.state = requireNonNull(state, "state is null");
        this.config = requireNonNull(config, "config is null");
        this.specs = new JobSpecStore(store.objects());
        this.host = new WorkerHost(queue, state, store, config.worker(), config.maxWorkers(), cache);
        this.jobs = host.jobs();
        this.health = host.health();
        this.provisioner = new Provisioner(queue, launcher.apply(host), config.scalingPolicy());
    }

    /** Worker threads in this JVM, each a worker of {@code host}. */
    public static Function<WorkerHost, WorkerLauncher> threads() {
        return h -> new ThreadLauncher(h::newWorker);
    }

    /** Everything in this JVM: in-memory queue and state, worker threads, the given tile store. */
    public static ExecEngine embedded(TileStore store, EngineConfig config) {
        return new ExecEngine(store, new MemoryTaskQueue(), new MemoryRuntimeState(), config, threads());
    }

    /** The given services with worker threads in this JVM (e.g. a real queue or state store in tests). */
    public static ExecEngine withServices(TileStore store, TaskQueue queue, RuntimeState state, EngineConfig config) {
        return new ExecEngine(store, queue, state, config, threads());
    }

    /**
     * The given services with workers started by {@code launcher} (threads, OS processes, Lambda);
     * the function receives this engine's worker host, for launchers that run workers in this JVM.
     */
    public static ExecEngine withServices(TileStore store, TaskQueue queue, RuntimeState state, EngineConfig config,
                                          Function<WorkerHost, WorkerLauncher> launcher) {
        return new ExecEngine(store, queue, state, config, launcher);
    }

    public TileStore store() {
        return store;
    }

    public EngineConfig config() {
        return config;
    }

    /** The jobs this engine's services know, for listing, cancelling and collecting them (see {@link JobControl}). */
    public JobControl jobControl() {
        return new JobControl(store, state);
    }

    /**
     * Submits the job; returns at once.
     *
     * @throws StoreCapacity.StoreFullException before anything runs, if the store says it cannot hold the job's results
     */
    public void submit(JobSpec spec) {
        if (spec.computes()) {
            StoreCapacity.require(store.objects(), resultBytes(spec), spec.operation() + " (its results)");
        }
        JobKey key = JobKey.generate(spec);
        JobRegistry.Entry entry = jobs.register(spec, key);
        ProgramAnalysis a = entry.analysis();
        if (a.taskCount() > config.maxTasks()) {
            jobs.remove(spec.jobId());
            throw new JobTooLargeException(String.format(java.util.Locale.ROOT,
                    "%s makes %,d tasks, more than the %,d one job may have: its tiles are too small for their overhead;"
                            + " use a larger block (the task count falls with its cube for factorizations), or raise the limit"
                            + " (EngineConfig.withMaxTasks, Wren.builder().maxTasksPerJob)", spec.operation(), a.taskCount(), config.maxTasks()));
        }
        // durable before any task exists: a worker or client anywhere may then load it by id
        specs.put(spec).toCompletableFuture().join();
        state.startJob(spec.jobId(), a.taskCount(), key.encode()).toCompletableFuture().join();
        var batch = new ArrayList<TaskMessage>();
        a.forEachStartingTask(n -> {
            batch.add(key.sign(new TaskMessage(spec.jobId(), n.key(), a.priority(n))));
            if (batch.size() == 1000) {
                queue.send(List.copyOf(batch)).toCompletableFuture().join();
                batch.clear();
            }
        });
        queue.send(batch).toCompletableFuture().join();
        provisioner.wake();
    }

    /** The bytes of the job's output matrices: a lower bound of what it writes (temporaries come on top). */
    static long resultBytes(JobSpec spec) {
        long bytes = 0;
        for (MatrixBinding b : spec.bindings(MatrixDecl.Role.OUTPUT)) {
            bytes += StoreCapacity.storedBytes(b.rows(), b.cols(), b.blockSize(), b.storedTiles());
        }
        return bytes;
    }

    /**
     * Waits for the job, reporting progress, then deletes its temporary tiles. Works for any job
     * whose spec is stored, also one submitted by another (possibly dead) client: re-attaching
     * by id. The provisioner of this engine starts workers for the job's pending tasks.
     *
     * A running job that completes no task for the stall timeout ({@link FaultTimeouts})
     * fails with a line naming the likely cause, e.g. the service that stopped answering.
     *
     * @throws JobFailedException when the job fails (the message names operation, task and tile), is cancelled, stalls, or does not finish within {@code timeout} ({@link JobFailure#kind()} says which)
     */
    public JobResult await(String jobId, Optional<Duration> timeout, ProgressListener progress) {
        JobRegistry.Entry entry = attach(jobId);
        long start = entry.submittedNanos();
        provisioner.wake();
        double workersAtStart = provisioner.launcher().workerSeconds();
        long deadline = timeout.map(t -> System.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
        long lastReport = 0;
        long lastCompleted = -1;
        long progressAt = System.nanoTime();
        long pollMillis = MIN_POLL_MILLIS;
        long stallNanos = config.worker().faults().stallTimeout().toNanos();
        entry.metrics().start(TaskSpan.wall(start));
        try {
            while (true) {
                JobState st;
                try {
                    st = health.watch(Service.STATE, () -> state.state(jobId)).join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof NoSuchElementException) {
                        throw new JobFailedException(jobId, lostState(entry.spec(), lastCompleted));
                    }
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    if (System.nanoTime() - progressAt > stallNanos) {
                        // the state store cannot take the failure either: the client says it
                        throw new JobFailedException(jobId, stallFailure(entry, lastCompleted, -1));
                    }
                    Thread.sleep(50); // the state store is unreachable for now (e.g. restarting): keep waiting
                    continue;
                }
                if (st.completed() != lastCompleted) {
                    lastCompleted = st.completed();
                    progressAt = System.nanoTime();
                    pollMillis = MIN_POLL_MILLIS;
                } else if (st.status() == JobStatus.RUNNING && System.nanoTime() - progressAt > stallNanos) {
                    JobFailure failure = stallFailure(entry, st.completed(), st.total());
                    health.watch(Service.STATE, () -> state.fail(jobId, failure.encode())).exceptionally(e -> null);
                    throw new JobFailedException(jobId, failure);
                } else if (st.status() == JobStatus.RUNNING && stalled(entry, progressAt)) {
                    String msg = entry.spec().operation() + " stalled: " + st.completed() + " of " + st.total()
                            + " tasks done and no task is queued or running (a task whose parents never complete: "
                            + "a dependency-analysis bug, please report it with the plan from explain())";
                    state.fail(jobId, JobFailure.of(JobFailure.Kind.FAILED, msg).encode()).toCompletableFuture().join();
                    throw new JobFailedException(jobId, msg);
                }
                long now = System.nanoTime();
                entry.metrics().workers((now - start) / 1e9, provisioner.launcher().running());
                queued().ifPresent(q -> entry.metrics().queued((now - start) / 1e9, q));
                if (st.status().isFinal() || now - lastReport > 250_000_000L) {
                    try {
                        progress.progress(entry.spec().operation(), st.completed(), st.total(), (now - start) / 1e9);
                    } catch (RuntimeException listenerFailed) {
                        // the caller gives up on the job: cancel it, so no worker runs on while its temporaries go
                        state.cancel(jobId);
                        throw listenerFailed;
                    }
                    lastReport = now;
                }
                if (st.status() == JobStatus.SUCCEEDED) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    JobMetrics m = metrics(entry);
                    JobResult result = new JobResult(jobId, entry.spec().operation(), st.total(), m.executions(),
                            seconds, provisioner.launcher().workerSeconds() - workersAtStart, m);
                    saveResult(result);
                    return result;
                }
                if (st.status() == JobStatus.FAILED) {
                    throw new JobFailedException(jobId, JobFailure.decode(st.error().orElse(entry.spec().operation() + " failed")));
                }
                if (st.status() == JobStatus.CANCELLED) {
                    throw new JobFailedException(jobId, JobFailure.of(JobFailure.Kind.CANCELLED, entry.spec().operation() + " was cancelled"));
                }
                if (now > deadline) {
                    state.cancel(jobId);
                    throw new JobFailedException(jobId, JobFailure.of(JobFailure.Kind.TIMED_OUT,
                            entry.spec().operation() + " did not finish within " + timeout.get() + " (" + st.completed() + "/" + st.total() + " tasks)"));
                }
                Thread.sleep(pollMillis);
                pollMillis = Math.min(MAX_POLL_MILLIS, pollMillis * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state.cancel(jobId);
            throw new JobFailedException(jobId, JobFailure.of(JobFailure.Kind.CANCELLED, entry.spec().operation() + " was interrupted"));
        } finally {
            awaitDrained(entry);
            try {
                deleteTemporaries(entry.spec());
            } catch (RuntimeException e) {
                // a store that does not answer must not hide the job's outcome; the temporaries stay
                LOG.log(System.Logger.Level.WARNING, "job " + jobId + ": its temporary tiles could not be deleted: " + e);
            }
            // per-task state and the cached analysis of a finished job are not needed here any more
            state.retireJob(jobId);
            jobs.remove(jobId);
        }
    }

    /**
     * No progress for a second while the queue (where it knows) holds nothing for anyone and no
     * task of the job runs here: nothing can ever complete the job.
     */
    private boolean stalled(JobRegistry.Entry entry, long progressAt) {
        if (System.nanoTime() - progressAt < 1_000_000_000L || entry.inflight().get() > 0) {
            return false;
        }
        java.util.OptionalLong outstanding = queue.outstanding();
        return outstanding.isPresent() && outstanding.getAsLong() == 0 && entry.inflight().get() == 0;
    }

    /**
     * A running job that completed no task for the stall timeout, in one line with the likely
     * cause: the service the workers and this client last saw failing, or no worker progressing.
     */
    private JobFailure stallFailure(JobRegistry.Entry entry, long completed, long total) {
        String done = completed < 0 ? "" : " at " + completed + (total < 0 ? "" : " of " + total) + " tasks";
        String why = diagnosis().or(this::emptyQueue).orElseGet(() -> "no worker made progress (" + provisioner.launcher().running()
                + " running here" + (health.workerFailures() > 0 ? ", " + health.workerFailures() + " ended by errors" : "")
                + "); a task may run longer than the stall timeout, or workers cannot reach the services");
        return JobFailure.of(JobFailure.Kind.FAILED, entry.spec().operation() + " stalled" + done + ": no task completed for "
                + config.worker().faults().stallTimeout().toSeconds() + " s; " + why);
    }

    /**
     * The runtime state no longer knows a job whose spec is stored: the state store was reset,
     * flushed or failed over without persistence (or the job was deleted). Its finished tiles stay
     * in the store; its counters are gone, so it cannot go on.
     */
    /**
     * The job, known here or loaded by id. A job whose spec is stored but whose key the runtime
     * state no longer holds cannot run anywhere: it lost its runtime state.
     */
    private JobRegistry.Entry attach(String jobId) {
        try {
            return jobs.get(jobId);
        } catch (NoSuchElementException e) {
            Optional<JobSpec> stored = specs.load(jobId).toCompletableFuture().join();
            if (stored.isPresent() && stored.get().jobId().equals(jobId) && state.secret(jobId).toCompletableFuture().join().isEmpty()) {
                throw new JobFailedException(jobId, lostState(stored.get(), -1));
            }
            throw e;
        }
    }

    private JobFailure lostState(JobSpec spec, long completed) {
        String at = completed < 0 ? "" : " after " + completed + " tasks";
        return JobFailure.of(JobFailure.Kind.FAILED, spec.operation() + " lost its runtime state" + at + ": "
                + ServiceHealth.describe(state) + " no longer knows job " + spec.jobId()
                + " (restarted without persistence, flushed or failed over, or the job was deleted); run it again");
    }

    /**
     * The service errors seen here; if none, the queue is asked once: workers in other processes
     * (or Lambda) keep their own errors, and a queue that lost or never answers is the usual cause.
     */
    private Optional<String> diagnosis() {
        Optional<String> seen = health.diagnosis();
        if (seen.isPresent()) {
            return seen;
        }
        try {
            health.watch(Service.QUEUE, queue::pending).get(PROBE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            health.failed(Service.QUEUE, new TimeoutException("no answer within " + PROBE_SECONDS + " s"));
        } catch (ExecutionException e) {
            // noted by the watch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return health.diagnosis();
    }

    /**
     * A stalled job whose queue answers but holds no waiting task: after a stall timeout (several
     * leases) any task a dead or frozen worker held would be visible again, so its messages are
     * gone (a queue restarted without persistence or purged), unless every remaining task runs
     * longer than the stall timeout.
     */
    private Optional<String> emptyQueue() {
        try {
            long pending = queue.pending().toCompletableFuture().get(PROBE_SECONDS, TimeUnit.SECONDS);
            if (pending == 0) {
                return Optional.of("the task queue (" + ServiceHealth.describe(queue) + ") holds no waiting task: the job's messages were"
                        + " lost (a queue restarted without persistence, or purged), or every remaining task runs longer than the"
                        + " stall timeout; run it again");
            }
        } catch (ExecutionException | TimeoutException e) {
            // no answer: nothing to say about its messages
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /**
     * Tasks waiting in the queue now, where that costs no request: an in-process queue counts
     * them; for a remote one, the provisioner's last look at it, if recent.
     */
    private java.util.OptionalLong queued() {
        java.util.OptionalLong outstanding = queue.outstanding();
        java.util.OptionalLong leased = queue.leased();
        if (outstanding.isPresent() && leased.isPresent()) {
            return java.util.OptionalLong.of(Math.max(0, outstanding.getAsLong() - leased.getAsLong()));
        }
        return provisioner.lastPending();
    }

    /**
     * Stores the result next to the job's spec, so another process can report on the job
     * ({@link #savedResult}); a store that does not take it costs the saved report, not the job.
     */
    private void saveResult(JobResult result) {
        try {
            specs.putResult(result.jobId(), JobResultCodec.encode(result)).toCompletableFuture().join();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "job " + result.jobId() + ": its report could not be saved: " + e);
        }
    }

    /**
     * The result of a finished job as the client that saw it finish saved it, or empty if none
     * did (the job is running, failed, or was collected).
     *
     * @throws IllegalArgumentException if what is stored there is not a job result this build reads
     */
    public Optional<JobResult> savedResult(String jobId) {
        return specs.loadResult(jobId).toCompletableFuture().join().map(JobResultCodec::decode);
    }

    /** The job's counters from the runtime state, with the worker samples this client took. */
    private JobMetrics metrics(JobRegistry.Entry entry) {
        var m = new JobMetrics();
        m.addCounters(state.counters(entry.spec().jobId()).toCompletableFuture().join());
        m.spans(state.spans(entry.spec().jobId()).toCompletableFuture().join().stream()
                .flatMap(line -> TaskSpan.decode(line).stream()).toList());
        for (JobMetrics.WorkerSample s : entry.metrics().workerTimeline()) {
            m.workers(s.seconds(), s.workers());
        }
        for (JobMetrics.QueueSample s : entry.metrics().queueTimeline()) {
            m.queued(s.seconds(), s.queued());
        }
        m.start(entry.metrics().startMicros());
        return m;
    }

    public JobResult run(JobSpec spec, ProgressListener progress) {
        submit(spec);
        return await(spec.jobId(), Optional.empty(), progress);
    }

    public void cancel(String jobId) {
        state.cancel(jobId).toCompletableFuture().join();
    }

    /**
     * Waits (up to a lease) until no task of the job runs in this process: a late duplicate
     * delivery could otherwise write a temporary tile after they were deleted.
     */
    private void awaitDrained(JobRegistry.Entry entry) {
        long deadline = System.nanoTime() + config.worker().visibility().toNanos();
        while (entry.inflight().get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void deleteTemporaries(JobSpec spec) {
        for (MatrixBinding b : spec.bindings(MatrixDecl.Role.TEMP)) {
            store.deleteMatrix(b.storeMatrix()).toCompletableFuture().join();
            cache.evictMatrix(b.storeMatrix());
        }
    }

    public WorkerLauncher launcher() {
        return provisioner.launcher();
    }

    /** Workers alive now. */
    public int runningWorkers() {
        return provisioner.launcher().running();
    }

    @Override
    public void close() {
        provisioner.close();
        host.close();
        queue.close();
        state.close();
    }
}
