package org.wren4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wren4j.api.JobInfo;
import org.wren4j.api.JobReport;
import org.wren4j.api.Jobs;
import org.wren4j.api.Wren;
import org.wren4j.api.WrenException;

/**
 * {@code wren4j jobs list|status|attach|cancel|gc}: the jobs a deployment's services (or a
 * store directory) know, whichever client submitted them. A job outlives its client: attach
 * finishes it with workers started here and prints its JSON line, naming its results as stored
 * matrices; gc removes finished jobs' specs, scratch tiles and runtime state, and on this
 * machine the worker log directories of {@code --launcher processes} whose client and workers
 * have all ended.
 */
final class JobsCommand {
    static final String USAGE = "usage: wren4j jobs list|status ID|attach ID|cancel ID|gc (--store DIR | " + Backend.SERVICES_USAGE
            + ") [--json]\n"
            + "  list        every job stored there: id, operation, status, tasks done, results\n"
            + "  status ID   one job\n"
            + "  attach ID   finish (or wait for) a job whose client is gone, with --workers N here; prints its JSON line\n"
            + "  cancel ID   stop a running job (workers drop its tasks)\n"
            + "  gc          remove finished jobs' specs, scratch tiles and runtime state (results stay), and the\n"
            + "              worker log directories here whose client and workers have all ended";

    private JobsCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        var options = new HashSet<>(Backend.OPTIONS);
        options.addAll(Set.of("store", "workers"));
        Args args = new Args(argv, options, Set.of("json"));
        List<String> pos = args.positional();
        if (pos.isEmpty()) {
            throw new UsageException("jobs takes list, status ID, attach ID, cancel ID or gc");
        }
        String verb = pos.get(0);
        boolean needsId = List.of("status", "attach", "cancel").contains(verb);
        if (!needsId && !List.of("list", "gc").contains(verb)) {
            throw new UsageException("unknown jobs command '" + verb + "' (available: list, status, attach, cancel, gc)");
        }
        if (pos.size() != (needsId ? 2 : 1)) {
            throw new UsageException("jobs " + verb + (needsId ? " takes one job id" : " takes no arguments") + ", got " + pos.subList(1, pos.size()));
        }
        boolean json = args.flag("json");
        Wren.Builder builder = Wren.builder().workers(args.positiveInt("workers", Runtime.getRuntime().availableProcessors()));
        configurePlace(args, builder, "jobs");
        if (verb.equals("attach") && !json) {
            builder.progress(new ProgressPrinter(err));
        }
        try (Wren wren = builder.build()) {
            Jobs jobs = wren.jobs();
            switch (verb) {
                case "list" -> {
                    List<JobInfo> all = jobs.list();
                    if (all.isEmpty() && !json) {
                        out.println("no jobs stored there");
                    }
                    all.forEach(j -> out.println(json ? json(j) : text(j)));
                }
                case "status" -> {
                    JobInfo j = jobs.status(pos.get(1)).orElseThrow(() -> new WrenException("no job " + pos.get(1) + " is stored there"));
                    out.println(json ? json(j) : text(j));
                }
                case "attach" -> {
                    JobReport r = jobs.attach(pos.get(1));
                    JobInfo j = jobs.status(pos.get(1)).orElseThrow();
                    out.println(new Json().put("job", r.jobId()).put("operation", r.operation()).put("status", j.status())
                            .put("tasks", r.tasks()).put("task_executions", r.executions()).put("seconds", RunCommand.round(r.seconds(), 3))
                            .put("inputs", j.inputs()).put("outputs", j.outputs()));
                }
                case "cancel" -> {
                    jobs.cancel(pos.get(1));
                    out.println("cancelled " + pos.get(1));
                }
                case "gc" -> {
                    List<String> removed = jobs.collect();
                    List<String> logs = WorkerLogs.collect(WorkerLogs.parent()).stream().map(Path::toString).toList();
                    out.println(json ? new Json().put("collected", removed).put("worker_logs", logs).toString()
                            : "collected " + removed.size() + " finished job" + (removed.size() == 1 ? "" : "s")
                                    + (removed.isEmpty() ? "" : ": " + String.join(", ", removed))
                                    + (logs.isEmpty() ? "" : "; removed " + logs.size() + " worker log director"
                                            + (logs.size() == 1 ? "y" : "ies") + " of ended clients"));
                }
                default -> throw new IllegalStateException(verb);
            }
        }
        return 0;
    }

    /** Points {@code builder} at where the jobs are: a store directory ({@code --store}) or the services' flags. */
    static void configurePlace(Args args, Wren.Builder builder, String command) {
        if (args.has("store")) {
            if (args.has("backend")) {
                throw new UsageException("--store and --backend name two places; give one");
            }
            builder.storeDirectory(Inputs.existingStore(args, command));
        } else if (args.has("backend")) {
            Backend.from(args).configure(builder);
        } else {
            throw new UsageException(command + " needs --store DIR or the services' flags ($(cat ~/.wren4j/services/flags))");
        }
    }

    private static Json json(JobInfo j) {
        return new Json().put("job", j.jobId()).put("operation", j.operation()).put("status", j.status())
                .put("completed", j.completed()).put("tasks", j.tasks()).put("error", j.error().orElse(null)).put("inputs", j.inputs())
                .put("outputs", j.outputs());
    }

    private static String text(JobInfo j) {
        return j.jobId() + "  " + j.operation() + "  " + j.status() + (j.tasks() >= 0 ? "  " + j.completed() + "/" + j.tasks() + " tasks" : "")
                + j.error().map(e -> "  " + e).orElse("") + (j.outputs().isEmpty() ? "" : "  results " + String.join(",", j.outputs()));
    }
}
