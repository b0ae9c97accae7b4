package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import org.wren4j.exec.ExecEngine;
import org.wren4j.exec.JobResult;
import org.wren4j.exec.job.JobControl;
import org.wren4j.exec.job.JobFailedException;
import org.wren4j.exec.job.JobFailure;
import org.wren4j.exec.state.JobState;

/**
 * The jobs of a session's services, from any client: a job's spec is stored next to its tiles
 * and its progress lives in the runtime state, so it outlives the client that submitted it. A
 * new client lists jobs, attaches to one by id (its workers finish it; its results become stored
 * matrices that {@link Wren#open} reads), cancels one, and collects finished jobs' specs,
 * scratch tiles and runtime state. Reach it with {@link Wren#jobs()}.
 */
public final class Jobs {
    private final ExecEngine engine;
    private final JobControl control;
    private final JobProgress progress;
    private final Consumer<JobReport> reports;

    Jobs(ExecEngine engine, JobProgress progress, Consumer<JobReport> reports) {
        this.engine = requireNonNull(engine, "engine is null");
        this.control = engine.jobControl();
        this.progress = requireNonNull(progress, "progress is null");
        this.reports = requireNonNull(reports, "reports is null");
    }

    /** Every job whose spec is stored, by id. */
    public List<JobInfo> list() {
        return control.list().stream().map(Jobs::info).toList();
    }

    /** The job {@code jobId}, or empty if the services know no such job. */
    public Optional<JobInfo> status(String jobId) {
        requireNonNull(jobId, "jobId is null");
        return control.status(jobId).map(Jobs::info);
    }

    /**
     * Waits for the job {@code jobId} with this session's workers helping, reporting progress,
     * and records its results as stored matrices ({@link JobInfo#outputs()}).
     *
     * @throws WrenException if the services know no such job
     * @throws JobFailedException (the api's) if the job failed, was cancelled or was lost, in the user's terms
     */
    public JobReport attach(String jobId) {
        requireNonNull(jobId, "jobId is null");
        JobInfo info = status(jobId).orElseThrow(() -> unknown(jobId));
        try {
            JobResult r = engine.await(jobId, Optional.empty(), progress::progress);
            control.recordOutputs(jobId);
            JobReport report = JobReports.of(r);
            reports.accept(report);
            return report;
        } catch (JobFailedException e) {
            throw Errors.jobFailed(info.operation(), e, name -> name);
        }
    }

    /**
     * The report of a finished job, as the client that saw it finish saved it next to the job's
     * spec (figures and task timeline), read from any process; empty if the job has not finished,
     * failed, or was collected ({@link #collect()} removes reports with the jobs).
     *
     * @throws WrenException if what is stored for the job is not a report this version reads
     */
    public Optional<JobReport> report(String jobId) {
        requireNonNull(jobId, "jobId is null");
        try {
            return engine.savedResult(jobId).map(JobReports::of);
        } catch (IllegalArgumentException e) {
            throw new WrenException("the report stored for job " + jobId + " in " + engine.store().describe() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Cancels a running job (workers drop its tasks); a finished job stays as it ended.
     *
     * @throws WrenException if the services know no such job
     */
    public void cancel(String jobId) {
        requireNonNull(jobId, "jobId is null");
        try {
            control.cancel(jobId);
        } catch (NoSuchElementException e) {
            throw unknown(jobId);
        }
    }

    /** Removes every finished job's spec, saved report, scratch tiles and runtime state, and returns their ids; results stay. */
    public List<String> collect() {
        return control.collect().jobs();
    }

    private WrenException unknown(String jobId) {
        return new WrenException("no job " + jobId + " is stored in " + engine.store().describe() + " (jobs there: "
                + list().stream().map(JobInfo::jobId).toList() + ")");
    }

    private static JobInfo info(JobControl.JobInfo j) {
        Optional<JobState> st = j.state();
        return new JobInfo(j.jobId(), j.operation(), j.status(), st.map(JobState::completed).orElse(0L), j.tasks(),
                st.flatMap(JobState::error).map(Jobs::reason), j.inputs(), j.outputs());
    }

    /** A stored failure's one line for people (the runtime state keeps it encoded). */
    private static String reason(String encoded) {
        try {
            return JobFailure.decode(encoded).reason();
        } catch (RuntimeException e) {
            return encoded;
        }
    }
}
