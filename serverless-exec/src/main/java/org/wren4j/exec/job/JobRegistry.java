package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.wren4j.exec.state.JobStatus;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.tiles.TransientStoreException;

/**
 * This process's view of jobs: specs, their keys and their (cached) program analyses, by job id.
 * A job this process did not submit is loaded on first use: its spec from the {@link JobSpecStore}
 * and its {@link JobKey} from the runtime state, so workers in other processes and re-attaching
 * clients find every job whose spec is stored. A loaded spec is used only if the job's key
 * certifies it and its tiles are in the job's scope ({@link TileScope}); otherwise the job is
 * treated as unknown, and its messages are dropped.
 */
public final class JobRegistry {
    private static final System.Logger LOG = System.getLogger(JobRegistry.class.getName());
    /** A known job: its spec, its analysis, its live metrics, when this process learned of it, and its tasks running in this process. */
    public record Entry(JobSpec spec, JobKey key, ProgramAnalysis analysis, JobMetrics metrics, long submittedNanos, AtomicInteger inflight) {
    }

    private final Map<String, Entry> jobs = new ConcurrentHashMap<>();
    private final Optional<JobSpecStore> specs;
    private final Optional<RuntimeState> state;

    /** A registry of the jobs registered in this process only. */
    public JobRegistry() {
        this.specs = Optional.empty();
        this.state = Optional.empty();
    }

    /** A registry that loads unknown jobs from {@code specs}, with their keys from {@code state}. */
    public JobRegistry(JobSpecStore specs, RuntimeState state) {
        this.specs = Optional.of(requireNonNull(specs, "specs is null"));
        this.state = Optional.of(requireNonNull(state, "state is null"));
    }

    /**
     * Registers a job this process submits, with its key.
     *
     * @throws TileScope.OutOfScopeException if the spec binds a matrix outside the job's scope
     */
    public Entry register(JobSpec spec, JobKey key) {
        TileScope.check(spec);
        Entry entry = entry(spec, key);
        if (jobs.putIfAbsent(spec.jobId(), entry) != null) {
            throw new IllegalStateException("job " + spec.jobId() + " is already registered");
        }
        return entry;
    }

    private static Entry entry(JobSpec spec, JobKey key) {
        return new Entry(spec, requireNonNull(key, "key is null"), ProgramAnalysis.of(spec.program(), spec.args()), new JobMetrics(),
                System.nanoTime(), new AtomicInteger());
    }

    /**
     * The job, loaded from the spec store if this process does not know it yet (blocking).
     *
     * @throws NoSuchElementException if the job is unknown here and has no stored spec
     */
    public Entry get(String jobId) {
        Entry e = find(jobId);
        if (e == null) {
            throw new NoSuchElementException("unknown job " + jobId);
        }
        return e;
    }

    /**
     * The job (loading it from the spec store if needed), or null if it is unknown, also when the
     * spec stored under {@code jobId} names another job, has no key in the runtime state, is not
     * the spec the key certifies, or binds tiles outside the job's scope.
     */
    public Entry find(String jobId) {
        Entry e = jobs.get(jobId);
        if (e != null || specs.isEmpty()) {
            return e;
        }
        Optional<JobSpec> spec = specs.get().load(jobId).toCompletableFuture().join();
        if (spec.isPresent() && !spec.get().jobId().equals(jobId)) {
            // a spec stored under another job's name (copied, forged or corrupted): never run it as this job
            LOG.log(System.Logger.Level.WARNING, "the spec stored for job " + jobId + " is the spec of job " + spec.get().jobId()
                    + ": job " + jobId + " is treated as unknown");
            return null;
        }
        if (spec.isEmpty()) {
            if (runningInState(jobId)) {
                // the runtime state says the job runs, so its spec was stored before its first task
                // was sent: the store answered "no such object" while it was not itself (a restart
                // on its data directory, a replica behind). Dropping the message would lose the
                // task for good; retrying it waits for the store.
                throw new TransientStoreException("the spec of running job " + jobId + " is missing from the store for now"
                        + " (is it restarting?)");
            }
            return null;
        }
        Optional<String> secret = state.get().secret(jobId).toCompletableFuture().join();
        if (secret.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "job " + jobId + " has a stored spec but no key in the runtime state: it is treated as unknown");
            return null;
        }
        JobKey key;
        try {
            key = JobKey.decode(secret.get());
        } catch (IllegalArgumentException bad) {
            LOG.log(System.Logger.Level.WARNING, "job " + jobId + ": " + bad.getMessage() + " in the runtime state: it is treated as unknown");
            return null;
        }
        if (!key.certifies(spec.get())) {
            // the stored spec was replaced or altered after its client submitted it
            LOG.log(System.Logger.Level.WARNING, "the spec stored for job " + jobId + " is not the one its client submitted (its key does not"
                    + " certify it): job " + jobId + " is treated as unknown");
            return null;
        }
        try {
            TileScope.check(spec.get());
        } catch (TileScope.OutOfScopeException out) {
            LOG.log(System.Logger.Level.WARNING, out.getMessage() + ": job " + jobId + " is treated as unknown");
            return null;
        }
        return jobs.computeIfAbsent(jobId, id -> entry(spec.get(), key));
    }

    /** Whether the runtime state knows {@code jobId} as running (false if it does not know it). */
    private boolean runningInState(String jobId) {
        try {
            return state.get().state(jobId).toCompletableFuture().join().status() == JobStatus.RUNNING;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof NoSuchElementException) {
                return false;
            }
            throw e;
        }
    }

    public void remove(String jobId) {
        jobs.remove(jobId);
    }
}
