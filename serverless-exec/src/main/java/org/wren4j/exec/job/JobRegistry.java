package org.wren4j.exec.job;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.wren4j.planner.analysis.ProgramAnalysis;

/** Job specifications and their (cached) program analyses, by job id. */
public final class JobRegistry {
    /** A registered job: its spec, its analysis, its live metrics, when it was submitted, and its tasks running in this process. */
    public record Entry(JobSpec spec, ProgramAnalysis analysis, JobMetrics metrics, long submittedNanos,
                        java.util.concurrent.atomic.AtomicInteger inflight) {
    }

    private final Map<String, Entry> jobs = new ConcurrentHashMap<>();

    public Entry register(JobSpec spec) {
        var entry = new Entry(spec, ProgramAnalysis.of(spec.program(), spec.args()), new JobMetrics(), System.nanoTime(),
                new java.util.concurrent.atomic.AtomicInteger());
        if (jobs.putIfAbsent(spec.jobId(), entry) != null) {
            throw new IllegalStateException("job " + spec.jobId() + " is already registered");
        }
        return entry;
    }

    /** @throws NoSuchElementException if the job is unknown */
    public Entry get(String jobId) {
        Entry e = jobs.get(jobId);
        if (e == null) {
            throw new NoSuchElementException("unknown job " + jobId);
        }
        return e;
    }

    /** The job, or null if this process does not know it. */
    public Entry find(String jobId) {
        return jobs.get(jobId);
    }

    public void remove(String jobId) {
        jobs.remove(jobId);
    }
}
