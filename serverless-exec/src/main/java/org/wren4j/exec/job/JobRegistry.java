package org.wren4j.exec.job;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import org.wren4j.planner.analysis.ProgramAnalysis;

/** Job specifications and their (cached) program analyses, by job id. */
public final class JobRegistry {
    /** A registered job: its spec, its analysis, its live metrics and when it was submitted. */
    public record Entry(JobSpec spec, ProgramAnalysis analysis, JobMetrics metrics, long submittedNanos) {
    }

    private final Map<String, Entry> jobs = new ConcurrentHashMap<>();

    public Entry register(JobSpec spec) {
        var entry = new Entry(spec, ProgramAnalysis.of(spec.program(), spec.args()), new JobMetrics(), System.nanoTime());
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

    public void remove(String jobId) {
        jobs.remove(jobId);
    }
}
