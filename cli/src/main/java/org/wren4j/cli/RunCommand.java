package org.wren4j.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.wren4j.api.JobReport;
import org.wren4j.api.Wren;

/**
 * {@code wren4j run <op> --n N [...]}: one operation, figures as text or one JSON line; exits 1 when
 * the check against dense LAPACK is not finite.
 */
final class RunCommand {
    static final String USAGE = "usage: wren4j run <cholesky|gemm|solve|gram|qr|tsqr|lstsq|lu|svd> --n N [--m M] [--k K] [--block B] [--workers W] [--seed S] "
            + "[--json] [--no-check] [--baseline] " + Backend.USAGE
            + " | --input <table|stored name> [--store DIR] [--columns ...] [--nulls ...] (A from the input; gemm: B random)";

    private RunCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        var valued = new java.util.HashSet<>(Inputs.withInputOptions(Set.of("n", "m", "k", "block", "workers", "seed")));
        valued.addAll(Backend.OPTIONS);
        Args args = new Args(argv, valued, Set.of("json", "no-check", "baseline", "dry-run"));
        if (args.positional().size() != 1) {
            throw new UsageException(args.positional().isEmpty() ? "run needs an operation" : "run takes one operation, got " + args.positional());
        }
        String op = args.positional().get(0);
        boolean linalg = List.of(LinalgWorkloads.OPS).contains(op);
        if (!List.of(Workload.OPS).contains(op) && !linalg) {
            throw new UsageException("unknown op '" + op + "' (choose from: " + String.join(", ", Workload.OPS) + ", "
                    + String.join(", ", LinalgWorkloads.OPS) + ")");
        }
        if (linalg && (args.has("input") || args.flag("baseline"))) {
            throw new UsageException(op + " takes generated inputs only: --input and --baseline apply to cholesky and gemm");
        }
        Workload.checkInputOptions(op, args);
        if (!args.has("n") && !args.has("input")) {
            throw new UsageException("run " + op + " needs --n");
        }
        Backend backend = Backend.from(args);
        if (args.flag("dry-run")) {
            return DryRun.run(op, args, backend, out);
        }
        long n = args.positiveLong("n", 0);
        long m = args.positiveLong("m", n);
        long k = args.positiveLong("k", op.equals("solve") ? 1 : n);
        if (op.equals("cholesky") && (args.has("m") || args.has("k"))) {
            throw new UsageException("cholesky takes a square matrix: --m and --k do not apply");
        }
        int block = args.positiveInt("block", (int) Math.min(Wren.DEFAULT_BLOCK_SIZE, n > 0 ? n : Wren.DEFAULT_BLOCK_SIZE));
        int workers = args.positiveInt("workers", Runtime.getRuntime().availableProcessors());
        long seed = args.anyLong("seed", 42);
        boolean json = args.flag("json");
        if (args.has("store") && backend.name().equals("services")) {
            throw new UsageException("--store applies to the embedded backend; with services, tiles live in --bucket");
        }
        var builder = Inputs.session(args).workers(workers).blockSize(block);
        builder.progress(backend.withFaults(json ? (op1, done, total, seconds) -> { } : new ProgressPrinter(err)));
        try (Wren wren = backend.open().configure(builder).build()) {
            Workload.Outcome o = linalg
                    ? LinalgWorkloads.run(wren, op, m, n, k, block, seed, !args.flag("no-check"))
                    : Workload.run(wren, op, Inputs.matrix(wren, args), m, n, k, block, seed, !args.flag("no-check"), args.flag("baseline"));
            String figures = json ? json(o, backend.name()) : text(o);
            if (backend.workersKilled() >= 0) {
                figures = json ? figures.substring(0, figures.length() - 1) + ", \"workers_killed\": " + backend.workersKilled() + "}"
                        : figures + ", " + backend.workersKilled() + " worker processes killed";
            }
            out.println(figures);
            if (!args.flag("no-check") && !Double.isFinite(o.residual())) {
                // a NaN or infinite residual means the result holds NaN or an infinity: never a quiet success
                err.println("wren4j run: the check of " + op + " against dense LAPACK is not finite (residual " + o.residual()
                        + "): the result or the input holds NaN or an infinity");
                return 1;
            }
        }
        return 0;
    }

    static String json(Workload.Outcome o, String backend) {
        JobReport j = o.job();
        var json = new Json().put("op", o.op()).put("n", o.n());
        if (o.op().equals("gemm")) {
            json.put("m", o.m()).put("k", o.k());
        } else if (!o.op().equals("cholesky") && !o.op().equals("solve") && !o.op().equals("lu")) {
            json.put("m", o.m());
        } else if (o.op().equals("solve")) {
            json.put("rhs", o.k());
        }
        json.put("block", o.block()).put("workers", o.workers()).put("backend", backend)
                .put("seconds", round(j.seconds(), 4)).put("gflops", round(o.gflops(), 2))
                .put("residual", Double.isNaN(o.residual()) ? null : o.residual())
                .put("tasks", j.tasks()).put("task_executions", j.executions())
                .put("repeated_executions", j.executions() - j.tasks())
                .put("worker_seconds", round(j.workerSeconds(), 3))
                // a worker is one core: cores held (alive) and cores busy reading, computing, writing
                .put("core_seconds", round(j.workerSeconds(), 3))
                .put("busy_core_seconds", round(j.readSeconds() + j.computeSeconds() + j.writeSeconds(), 3))
                .put("peak_workers", j.peakWorkers())
                .put("bytes_read", j.bytesRead()).put("bytes_written", j.bytesWritten())
                .put("temp_bytes_written", j.temporaryBytesWritten()).put("temp_peak_live_bytes", j.peakLiveTemporaryBytes())
                .put("temp_tiles_collected", j.temporaryTilesCollected())
                .put("read_seconds", round(j.readSeconds(), 3)).put("compute_seconds", round(j.computeSeconds(), 3))
                .put("write_seconds", round(j.writeSeconds(), 3));
        if (!Double.isNaN(o.baselineSeconds())) {
            json.put("baseline", "lapack-single-call").put("baseline_seconds", round(o.baselineSeconds(), 4))
                    .put("baseline_gflops", round(o.flops() / o.baselineSeconds() / 1e9, 2))
                    .put("ratio_to_baseline", round(j.seconds() / o.baselineSeconds(), 3));
        }
        return json.toString();
    }

    static String text(Workload.Outcome o) {
        JobReport j = o.job();
        String what = switch (o.op()) {
            case "gemm" -> String.format("gemm %dx%d @ %dx%d", o.m(), o.k(), o.k(), o.n());
            case "cholesky" -> String.format("cholesky %dx%d", o.n(), o.n());
            case "solve" -> String.format("solve %dx%d with %d right-hand sides", o.n(), o.n(), o.k());
            case "lu" -> String.format("lu %dx%d", o.n(), o.n());
            default -> String.format("%s %dx%d", o.op(), o.m(), o.n());
        };
        var sb = new StringBuilder(String.format("%s, block %d, %d workers: %.3f s, %.1f GFLOP/s, %d tasks (%d executions)",
                what, o.block(), o.workers(), j.seconds(), o.gflops(), j.tasks(), j.executions()));
        if (Double.isFinite(o.residual())) {
            sb.append(String.format(", residual %.2e", o.residual()));
        }
        if (!Double.isNaN(o.baselineSeconds())) {
            sb.append(String.format("%nsingle-call LAPACK on %d threads: %.3f s, %.1f GFLOP/s (wren4j takes %.2fx)",
                    o.workers(), o.baselineSeconds(), o.flops() / o.baselineSeconds() / 1e9, j.seconds() / o.baselineSeconds()));
        }
        return sb.toString();
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
