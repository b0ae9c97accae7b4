package org.wren4j.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.wren4j.exec.EngineConfig;
import org.wren4j.exec.ExecEngine;
import org.wren4j.exec.JobResult;
import org.wren4j.exec.ProgressListener;
import org.wren4j.exec.job.JobBinder;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.planner.expr.Cholesky;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.plan.Planner;
import org.wren4j.tiles.TileStore;

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
        var worker = new WorkerConfig(8, Duration.ofSeconds(30), Duration.ofSeconds(2), 5, Duration.ofMillis(20));
        var config = EngineConfig.defaults().withMaxWorkers(workers).withWorker(worker);
        Backend.Session session = backend.open();
        TileStore store = session.store() != null ? session.store() : TileStore.inMemory();
        String prefix = "dry-" + Long.toHexString(System.nanoTime());
        var names = new AtomicLong();
        Leaf a = new Leaf(prefix + "/A", new Shape(n, n), block, org.wren4j.planner.expr.Structure.SPD);
        // the session's own plan and binding, in dry-run mode: no matrix is made
        JobSpec spec = new JobBinder(() -> prefix + "/" + names.incrementAndGet()).bind(Planner.plan(new Cholesky(a)), JobBinder.DRY_RUN).spec();
        String job = spec.jobId();
        try (ExecEngine engine = session.engine().apply(store, config)) {
            long t0 = System.nanoTime();
            engine.submit(spec);
            var progress = backend.withFaults((o, done, total, s) -> { });
            JobResult r = engine.await(job, Optional.empty(), (ProgressListener) progress::progress);
            double seconds = (System.nanoTime() - t0) / 1e9;
            var json = new Json().put("op", "cholesky").put("dry_run", true).put("n", n).put("block", block)
                    .put("backend", backend.name()).put("workers", workers).put("tasks", r.tasks())
                    .put("task_executions", r.executions()).put("repeated_executions", r.metrics().repeatedExecutions())
                    .put("seconds", RunCommand.round(seconds, 3)).put("tasks_per_second", Math.round(r.tasks() / seconds))
                    .put("peak_workers", r.metrics().peakWorkers());
            if (session.queueRequests() != null) {
                // what each task cost the queue service: the ceiling of tasks/s is its requests/s over this
                long requests = session.queueRequests().total();
                json.put("queue_requests", requests).put("queue_requests_per_task", RunCommand.round((double) requests / r.tasks(), 2));
                session.queueRequests().snapshot().forEach((k, v) -> json.put("sqs_" + k, v));
            }
            out.println(json.toString());
        } finally {
            store.close();
        }
        return 0;
    }
}
