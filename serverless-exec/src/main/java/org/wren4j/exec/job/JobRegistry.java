package org.wren4j.exec.job;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.wren4j.planner.analysis.ProgramAnalysis;

/**
 * This process's view of jobs: specs and their (cached) program analyses, by job id. A job this
 * process did not submit is loaded from the {@link JobSpecStore} on first use, so workers in other
 * processes and re-attaching clients find every job whose spec is stored.
 */
public final class JobRegistry {
    private static final System.Logger LOG = System.getLogger(JobRegistry.class.getName());
    /** A known job: its spec, its analysis, its live metrics, when this process learned of it, and its tasks running in this process. */
    public record Entry(JobSpec spec, ProgramAnalysis analysis, JobMetrics metrics, long submittedNanos, AtomicInteger inflight) {
    }

    private final Map<String, Entry> jobs = new ConcurrentHashMap<>();
    private final Optional<JobSpecStore> specs;

    /** A registry of the jobs registered in this process only. */
    public JobRegistry() {
        this.specs = Optional.empty();
    }

    /** A registry that loads unknown jobs from {@code specs}. */
    public JobRegistry(JobSpecStore specs) {
        this.specs = Optional.of(specs);
    }

    public Entry register(JobSpec spec) {
        Entry entry = entry(spec);
        if (jobs.putIfAbsent(spec.jobId(), entry) != null) {
            throw new IllegalStateException("job " + spec.jobId() + " is already registered");
        }
        return entry;
    }

    private static Entry entry(JobSpec spec) {
        return new Entry(spec, ProgramAnalysis.of(spec.program(), spec.args()), new JobMetrics(), System.nanoTime(), new AtomicInteger());
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
     * spec stored under {@code jobId} names another job.
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
        return spec.map(s -> jobs.computeIfAbsent(jobId, id -> entry(s))).orElse(null);
    }

    public void remove(String jobId) {
        jobs.remove(jobId);
    }
}
