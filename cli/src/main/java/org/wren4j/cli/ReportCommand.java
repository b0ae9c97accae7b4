package org.wren4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wren4j.api.JobReport;
import org.wren4j.api.Wren;
import org.wren4j.api.WrenException;

/**
 * {@code wren4j report JOB}: the report of a finished job, read from where its client saved it
 * (next to the job's spec in the store), from any process: as text, a JSON line, or an HTML page
 * with the task timeline per worker.
 */
final class ReportCommand {
    static final String USAGE = "usage: wren4j report JOB (--store DIR | " + Backend.SERVICES_USAGE + ") [--html FILE] [--json]\n"
            + "  JOB          a job id, as 'run --json' prints it (its \"job\" field) or 'wren4j jobs list' lists it\n"
            + "  --html FILE  write the report as an HTML page: figures, worker time, task timeline per worker\n"
            + "  --json       one JSON line of the figures instead of text\n"
            + "A report is saved by the client that saw the job finish; 'wren4j jobs gc' removes it with the job.";

    private ReportCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        var options = new HashSet<>(Backend.OPTIONS);
        options.addAll(Set.of("store", "html"));
        Args args = new Args(argv, options, Set.of("json"));
        List<String> pos = args.positional();
        if (pos.size() != 1) {
            throw new UsageException("report takes one job id, got " + (pos.isEmpty() ? "none" : pos));
        }
        String jobId = pos.get(0);
        Wren.Builder builder = Wren.builder().workers(1);
        JobsCommand.configurePlace(args, builder, "report");
        try (Wren wren = builder.build()) {
            JobReport r = wren.jobs().report(jobId).orElseThrow(() -> new WrenException("no report of job " + jobId
                    + " is saved there: it is still running, it failed, its client ended before it finished, or it was collected"
                    + " ('wren4j jobs status " + jobId + "' says which)"));
            if (args.has("html")) {
                writePage(Path.of(args.string("html", null)), r, err);
            }
            out.println(args.flag("json") ? figures(new Json().put("job", r.jobId()).put("operation", r.operation())
                    .put("seconds", RunCommand.round(r.seconds(), 4)), r) : r.toString());
        }
        return 0;
    }

    /** A job's figures as JSON fields, in the names 'run' prints them under. */
    static Json figures(Json json, JobReport j) {
        return json.put("tasks", j.tasks()).put("task_executions", j.executions())
                .put("repeated_executions", j.repeatedExecutions())
                .put("worker_seconds", RunCommand.round(j.workerSeconds(), 3))
                // a worker is one core: cores held (alive) and cores busy reading, computing, writing
                .put("core_seconds", RunCommand.round(j.workerSeconds(), 3))
                .put("busy_core_seconds", RunCommand.round(j.readSeconds() + j.computeSeconds() + j.writeSeconds(), 3))
                .put("peak_workers", j.peakWorkers())
                .put("bytes_read", j.bytesRead()).put("bytes_written", j.bytesWritten())
                .put("temp_bytes_written", j.temporaryBytesWritten()).put("temp_peak_live_bytes", j.peakLiveTemporaryBytes())
                .put("temp_tiles_collected", j.temporaryTilesCollected())
                .put("read_seconds", RunCommand.round(j.readSeconds(), 3)).put("compute_seconds", RunCommand.round(j.computeSeconds(), 3))
                .put("write_seconds", RunCommand.round(j.writeSeconds(), 3));
    }

    /** Writes {@code r} as a standalone HTML page to {@code file} and says so on {@code err}. */
    static void writePage(Path file, JobReport r, PrintStream err) {
        write(file, page(r));
        err.println("wrote " + file);
    }

    private static String page(JobReport r) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>wren4j job " + r.jobId() + "</title></head>\n<body>\n"
                + r.toHtml() + "\n</body></html>\n";
    }

    private static void write(Path file, String html) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UsageException("--html " + file + ": no such directory " + parent);
            }
            Files.writeString(file, html);
        } catch (IOException e) {
            throw new WrenException("--html " + file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
