package org.wren4j.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import org.wren4j.api.JobReport;
import org.wren4j.api.Wren;

/**
 * {@code run cholesky --dry-run}: the job's whole control plane (leases, completions, children,
 * acknowledgements) without tiles or kernels, to measure what the queue and the state store can
 * carry. Only n and the block matter; no matrix is made.
 */
final class DryRun {
    static final int DEFAULT_BLOCK = 4096;

    private DryRun() {
    }

    static int run(String op, Args args, Backend backend, PrintStream out) {
        if (!op.equals("cholesky")) {
            throw new UsageException("--dry-run applies to cholesky");
        }
        long n = args.positiveLong("n", 0);
        int block = args.positiveInt("block", DEFAULT_BLOCK);
        int workers = args.positiveInt("workers", Runtime.getRuntime().availableProcessors());
        // dry-run tasks take no core: a wide pipeline keeps the round trips overlapped
        var builder = Wren.builder().workers(workers).pipelineWidth(8).leaseTimeout(Duration.ofSeconds(30))
                .idleTimeout(Duration.ofSeconds(2)).maxAttempts(5).retryBackoff(Duration.ofMillis(20))
                .progress(backend.withFaults((o, done, total, s) -> { }));
        try (Wren wren = backend.configure(builder).build()) {
            long t0 = System.nanoTime();
            JobReport r = wren.dryRun(wren.placeholder(n, n, block).asSpd().cholesky()).job();
            double seconds = (System.nanoTime() - t0) / 1e9;
            var json = new Json().put("op", "cholesky").put("dry_run", true).put("n", n).put("block", block)
                    .put("backend", backend.name()).put("workers", workers).put("tasks", r.tasks())
                    .put("task_executions", r.executions()).put("repeated_executions", r.repeatedExecutions())
                    .put("seconds", RunCommand.round(seconds, 3)).put("tasks_per_second", Math.round(r.tasks() / seconds))
                    .put("peak_workers", r.peakWorkers());
            Map<String, Long> queue = wren.queueRequests();
            if (!queue.isEmpty()) {
                // what each task cost the queue service: the ceiling of tasks/s is its requests/s over this
                long requests = queue.get("requests");
                json.put("queue_requests", requests).put("queue_requests_per_task", RunCommand.round((double) requests / r.tasks(), 2));
                queue.forEach((k, v) -> {
                    if (!k.equals("requests")) {
                        json.put("sqs_" + k, v);
                    }
                });
            }
            out.println(json.toString());
        }
        return 0;
    }
}
