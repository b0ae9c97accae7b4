package org.wren4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wren4j.api.JobReport;
import org.wren4j.api.Wren;

/**
 * {@code wren4j run <op> --n N [...]}: one operation, figures as text or one JSON line; exits 1 when
 * the check against dense LAPACK is not finite.
 */
final class RunCommand {
    static final String USAGE = String.join("\n",
            "usage: wren4j run <cholesky|gemm|solve|gram|qr|tsqr|lstsq|lu|svd> --n N [--m M] [--k K] [--block B] [options]",
            "       wren4j run <op> --input <table file|stored name> [--store DIR] [--label y] [--columns ...] [--one-hot c,d] [--nulls ...] [--non-finite fail|allow]",
            "  --n N, --m M, --k K   sizes: gemm is M x K @ K x N; solve: N x N with K right-hand sides; gram, qr, tsqr, lstsq, svd: M x N",
            "  --block B             tile edge (default min(" + Wren.DEFAULT_BLOCK_SIZE + ", N)); a block that makes too many tasks is refused",
            "                        with a suggested block, one under " + BlockRule.SMALL_BLOCK + " warned; --force runs a refused one anyway",
            "  --input T             A from a table (Parquet, Arrow; loaded with --block, default " + Inputs.DEFAULT_TABLE_BLOCK + ", as 'load' does)",
            "                        or a matrix saved in --store; its shape replaces the sizes (gemm: --n still sets B's columns)",
            "  --label y             solve, lstsq: the right-hand side, the table's column y (stored input: the stored matrix y);",
            "                        a solution of at most " + LinalgWorkloads.MAX_PRINTED_SOLUTION + " values is printed",
            "  --workers W --seed S --json --no-check --baseline (cholesky, gemm)",
            "  --quiet               no progress on stderr (shown by default, with --json too: stdout stays one JSON line)",
            "  --html FILE           also write the job's report as an HTML page (figures, task timeline per worker, parallelism)",
            "  " + Backend.USAGE);

    private RunCommand() {
    }

    /** The sizes an op runs at: from the flags, or from the shape of {@code --input}. */
    private record Sizes(long m, long n, long k, int block) {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        var valued = new HashSet<>(Inputs.withInputOptions(Set.of("n", "m", "k", "block", "workers", "seed", "html")));
        valued.addAll(Backend.OPTIONS);
        Args args = new Args(argv, valued, Set.of("json", "no-check", "baseline", "dry-run", "force", "quiet"));
        if (args.positional().size() != 1) {
            throw new UsageException(args.positional().isEmpty() ? "run needs an operation" : "run takes one operation, got " + args.positional());
        }
        String op = args.positional().get(0);
        boolean linalg = List.of(LinalgWorkloads.OPS).contains(op);
        if (!List.of(Workload.OPS).contains(op) && !linalg) {
            throw new UsageException("unknown op '" + op + "' (choose from: " + String.join(", ", Workload.OPS) + ", "
                    + String.join(", ", LinalgWorkloads.OPS) + ")");
        }
        if (linalg && args.flag("baseline")) {
            throw new UsageException("--baseline applies to cholesky and gemm");
        }
        if (args.has("label") && !op.equals("solve") && !op.equals("lstsq")) {
            throw new UsageException(op + " takes no right-hand side: --label applies to solve and lstsq (--columns picks the input's columns)");
        }
        checkInputOptions(op, args);
        Inputs.checkOptions(args);
        if (!args.has("n") && !args.has("input")) {
            throw new UsageException("run " + op + " needs --n");
        }
        if (op.equals("cholesky") && (args.has("m") || args.has("k"))) {
            throw new UsageException("cholesky takes a square matrix: --m and --k do not apply");
        }
        Backend backend = Backend.from(args);
        boolean force = args.flag("force");
        if (args.flag("dry-run")) {
            if (op.equals("cholesky")) {
                long n = args.positiveLong("n", 0);
                BlockRule.check("run cholesky --dry-run", op, n, n, n, args.positiveInt("block", DryRun.DEFAULT_BLOCK), force, err);
            }
            return DryRun.run(op, args, backend, out);
        }
        Sizes generated = args.has("input") ? null : generatedSizes(op, args);
        if (generated != null) {
            BlockRule.check("run " + op, op, generated.m(), generated.n(), generated.k(), generated.block(), force, err);
        }
        int workers = args.positiveInt("workers", Runtime.getRuntime().availableProcessors());
        long seed = args.anyLong("seed", 42);
        boolean json = args.flag("json");
        if (args.has("store") && backend.name().equals("services")) {
            throw new UsageException("--store applies to the embedded backend; with services, tiles live in --bucket");
        }
        int sessionBlock = generated != null ? generated.block() : args.positiveInt("block", Inputs.DEFAULT_TABLE_BLOCK);
        var builder = Inputs.session(args).workers(workers).blockSize(sessionBlock);
        boolean check = !args.flag("no-check");
        ProgressPrinter progress = args.flag("quiet") ? ProgressPrinter.quiet() : new ProgressPrinter(err);
        builder.progress(backend.withFaults(progress));
        try (progress; Wren wren = backend.configure(builder).build()) {
            progress.phase(args.has("input") ? "loading the input" : "making the inputs");
            progress.afterEachJob(check || args.flag("baseline") ? "reading the result, checking it against dense LAPACK"
                    + (args.flag("baseline") ? " and timing the single call" : "") : "reading the result");
            Optional<Inputs.Operands> input = Inputs.operands(wren, args, err);
            Sizes s = input.map(in -> inputSizes(op, args, in)).orElse(generated);
            if (input.isPresent()) {
                BlockRule.check("run " + op + " --input", op, s.m(), s.n(), s.k(), s.block(), force, err);
            }
            Workload.Outcome o = linalg
                    ? LinalgWorkloads.run(wren, op, input, s.m(), s.n(), s.k(), s.block(), seed, check)
                    : Workload.run(wren, op, input.map(Inputs.Operands::a), s.m(), s.n(), s.k(), s.block(), seed, check, args.flag("baseline"));
            progress.done();
            String figures = json ? json(o, backend.name()) : text(o);
            if (backend.workersKilled() >= 0) {
                figures = json ? figures.substring(0, figures.length() - 1) + ", \"workers_killed\": " + backend.workersKilled() + "}"
                        : figures + ", " + backend.workersKilled() + " worker processes killed";
            }
            out.println(figures);
            if (args.has("html")) {
                ReportCommand.writePage(Path.of(args.string("html", null)), o.job(), err);
            }
            if (check && !Double.isFinite(o.residual())) {
                // a NaN or infinite residual means the result holds NaN or an infinity: never a quiet success
                err.println("wren4j run: the check of " + op + " against dense LAPACK is not finite (residual " + o.residual()
                        + "): the result or the input holds NaN or an infinity");
                return 1;
            }
        }
        return 0;
    }

    private static Sizes generatedSizes(String op, Args args) {
        long n = args.positiveLong("n", 0);
        long m = args.positiveLong("m", n);
        long k = args.positiveLong("k", op.equals("solve") ? 1 : n);
        return new Sizes(m, n, k, args.positiveInt("block", (int) Math.min(Wren.DEFAULT_BLOCK_SIZE, n)));
    }

    /** Sizes from the input's shape: rows x cols is m x n (gemm: m x k), square n x n for cholesky, lu and solve. */
    private static Sizes inputSizes(String op, Args args, Inputs.Operands in) {
        long rows = in.a().rows();
        long cols = in.a().cols();
        int block = in.a().blockSize();
        if ((op.equals("cholesky") || op.equals("lu") || op.equals("solve")) && rows != cols) {
            throw new UsageException(op + " needs a square input, --input is " + in.a().rows() + "x" + in.a().cols());
        }
        return switch (op) {
            case "gemm" -> new Sizes(rows, args.positiveLong("n", cols), cols, block);
            case "solve" -> new Sizes(rows, rows, in.rhs().map(b -> b.cols()).orElse(args.positiveLong("k", 1)), block);
            case "lstsq" -> new Sizes(rows, cols, in.rhs().map(b -> b.cols()).orElse(1L), block);
            default -> new Sizes(rows, cols, cols, block);
        };
    }

    /** Usage errors of {@code --input} with an op: options that the input's shape decides. */
    private static void checkInputOptions(String op, Args args) {
        if (!args.has("input")) {
            return;
        }
        List<String> fromShape = switch (op) {
            case "gemm" -> List.of("m", "k");
            // solve's --k is the number of random right-hand sides, unless --label gives them
            case "solve" -> args.has("label") ? List.of("n", "m", "k") : List.of("n", "m");
            default -> List.of("n", "m", "k");
        };
        for (String o : fromShape) {
            if (args.has(o)) {
                throw new UsageException(op + " --input takes --" + o + " from the input's shape: drop --" + o);
            }
        }
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
                .put("residual", Double.isNaN(o.residual()) ? null : o.residual());
        ReportCommand.figures(json, j).put("job", j.jobId());
        if (!o.solution().isEmpty()) {
            json.put("x", o.solution());
        }
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
        var sb = new StringBuilder(String.format("%s, block %d, %d workers: %.3f s, %.1f GFLOP/s, %d tasks (%d executions), job %s",
                what, o.block(), o.workers(), j.seconds(), o.gflops(), j.tasks(), j.executions(), j.jobId()));
        if (Double.isFinite(o.residual())) {
            sb.append(String.format(", residual %.2e", o.residual()));
        }
        if (!o.solution().isEmpty()) {
            sb.append(String.format("%nx = %s", o.solution()));
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
