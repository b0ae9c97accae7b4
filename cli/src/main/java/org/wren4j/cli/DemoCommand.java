package org.wren4j.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.wren4j.api.JobReport;
import org.wren4j.api.Wren;

/** {@code wren4j demo}: the main job on the embedded default, with a short human summary. */
final class DemoCommand {
    static final String USAGE = "usage: wren4j demo [--n N] [--block B] [--workers W] [--seed S]";

    private DemoCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = new Args(argv, Set.of("n", "block", "workers", "seed"), Set.of());
        if (!args.positional().isEmpty()) {
            throw new UsageException("demo takes no positional arguments, got " + args.positional());
        }
        long n = args.positiveLong("n", 4096);
        int block = args.positiveInt("block", (int) Math.min(1024, n));
        int workers = args.positiveInt("workers", Runtime.getRuntime().availableProcessors());
        long seed = args.anyLong("seed", 42);
        long tiles = (n + block - 1) / block;
        out.printf("wren4j demo: Cholesky factorization A = L L^T of a random %dx%d SPD matrix%n", n, n);
        out.printf("  %dx%d grid of %d-blocks, %d worker threads (one BLAS thread each), tiles Arrow-encoded in memory%n",
                tiles, tiles, block, workers);
        var progress = new ProgressPrinter(err);
        try (progress; Wren wren = Wren.builder().workers(workers).blockSize(block).progress(progress).build()) {
            progress.phase("making the random SPD matrix");
            progress.afterEachJob("checking L against dense LAPACK and timing the single call");
            Workload.Outcome o = Workload.run(wren, "cholesky", n, n, n, block, seed, true, true);
            progress.done();
            JobReport j = o.job();
            out.printf("  factorized in %.3f s: %.1f GFLOP/s, %d tasks, %d kernel executions, peak %d workers%n",
                    j.seconds(), o.gflops(), j.tasks(), j.executions(), j.peakWorkers());
            out.printf("  check against dense LAPACK: ||A - L L^T||_F / ||A||_F = %.2e %s%n", o.residual(),
                    o.residual() < 1e-12 ? "(ok)" : "(TOO LARGE)");
            out.printf("  single-call LAPACK dpotrf on %d threads: %.3f s (%.1f GFLOP/s); wren4j took %.2fx as long%n",
                    workers, o.baselineSeconds(), o.flops() / o.baselineSeconds() / 1e9, j.seconds() / o.baselineSeconds());
            return o.residual() < 1e-12 ? 0 : 1;
        }
    }
}
