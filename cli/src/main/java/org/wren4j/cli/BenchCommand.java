package org.wren4j.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.JobReport;
import org.wren4j.api.Wren;

/**
 * {@code wren4j bench backends ...}: see {@link BackendsBench}.
 * {@code wren4j bench fusion --n N [--block B] [--k RHS] [--workers W] [--reps R] [--simulate-gflops R]}:
 * the same SPD solve run as ONE fused program (Cholesky and both triangular solves in one job, so
 * forward substitution starts while the factorization runs) and as three jobs one after another;
 * prints one JSON line per repetition with both times, alternating which runs first. With
 * {@code --simulate-gflops} nothing is computed: see {@link SimulatedSolve}.
 */
final class BenchCommand {
    static final String USAGE = "usage: wren4j bench fusion --n N [--block B] [--k RHS] [--workers W] [--reps R] [--simulate-gflops R] [--force]\n"
            + "       wren4j " + BackendsBench.USAGE + "\n"
            + "  --simulate-gflops R  simulated time: models time and does NOT compute. No matrix is made and no tile is read or written;\n"
            + "                       each task holds its worker for its kernel's flops / (R GFLOP/s), so the real queue, runtime state\n"
            + "                       and provisioner can drive many more workers than cores (e.g. 64 on 2 cores): the serverless case.\n"
            + "                       40 is about one core of a desktop dgemm; measure yours with a single-threaded dgemm.";

    private BenchCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        if (!argv.isEmpty() && argv.get(0).equals("backends")) {
            Args args = new Args(argv, BackendsBench.OPTIONS, Set.of("force"));
            if (args.positional().size() != 1) {
                throw new UsageException("bench takes one benchmark, got " + args.positional());
            }
            return BackendsBench.run(args, out, err);
        }
        Args args = new Args(argv, Set.of("n", "block", "k", "workers", "reps", "seed", "simulate-gflops"), Set.of("force"));
        if (args.positional().size() != 1 || !args.positional().get(0).equals("fusion")) {
            throw new UsageException("bench takes one benchmark: fusion or backends");
        }
        if (!args.has("n")) {
            throw new UsageException("bench fusion needs --n");
        }
        long n = args.positiveLong("n", 0);
        int block = args.positiveInt("block", (int) Math.min(1024, n));
        long rhs = args.positiveLong("k", block);
        int workers = args.positiveInt("workers", Runtime.getRuntime().availableProcessors());
        int reps = args.positiveInt("reps", 3);
        long seed = args.anyLong("seed", 42);
        BlockRule.check("bench fusion", "solve", n, n, rhs, block, args.flag("force"), err);
        if (args.has("simulate-gflops")) {
            return simulated(args.positiveDouble("simulate-gflops"), n, block, rhs, workers, reps, out);
        }
        try (Wren wren = Wren.builder().workers(workers).blockSize(block).build()) {
            BlockMatrix a = wren.randomSpd(n, block, seed);
            BlockMatrix b = wren.random(n, rhs, block, seed + 1);
            fused(wren, a, b); // warm-up: JIT and tile cache
            for (int r = 0; r < reps; r++) {
                double[] fused;
                double[] sequential;
                if (r % 2 == 0) {
                    fused = fused(wren, a, b);
                    sequential = sequential(wren, a, b);
                } else {
                    sequential = sequential(wren, a, b);
                    fused = fused(wren, a, b);
                }
                out.println(new Json().put("bench", "fusion").put("op", "solve").put("mode", "real").put("n", n).put("block", block).put("rhs", rhs)
                        .put("workers", workers).put("rep", r)
                        .put("fused_seconds", RunCommand.round(fused[0], 4)).put("fused_tasks", (long) fused[1])
                        .put("sequential_seconds", RunCommand.round(sequential[0], 4)).put("sequential_tasks", (long) sequential[1])
                        .put("speedup", RunCommand.round(sequential[0] / fused[0], 3))
                        .put("checksum_difference", Math.abs(fused[2] - sequential[2])));
            }
        }
        return 0;
    }

    /**
     * Simulated time: per repetition, fused and sequential wall seconds of the modelled run and,
     * for reference, lower bounds from the modelled task times: the longest path through each
     * schedule's DAG (sequential: the sum over its three jobs) and the work bound, total flops over
     * all workers' rate.
     */
    private static int simulated(double gflops, long n, int block, long rhs, int workers, int reps, PrintStream out) {
        // warm-up, as in real mode, but at a rate that makes every modelled task take nanoseconds:
        // the JIT compiles the analysis and the control plane without minutes of modelled time
        try (var warm = new SimulatedSolve(workers, 1e9, n, block, rhs)) {
            warm.fused();
            warm.sequential();
        }
        try (var sim = new SimulatedSolve(workers, gflops, n, block, rhs)) {
            for (int r = 0; r < reps; r++) {
                SimulatedSolve.Run fused;
                SimulatedSolve.Run sequential;
                if (r % 2 == 0) {
                    fused = sim.fused();
                    sequential = sim.sequential();
                } else {
                    sequential = sim.sequential();
                    fused = sim.fused();
                }
                double work = fused.flops() / (workers * gflops * 1e9);
                out.println(new Json().put("bench", "fusion").put("op", "solve").put("mode", "simulated").put("simulate_gflops", gflops)
                        .put("n", n).put("block", block).put("rhs", rhs).put("workers", workers).put("rep", r)
                        .put("fused_seconds", RunCommand.round(fused.seconds(), 4)).put("fused_tasks", fused.tasks())
                        .put("sequential_seconds", RunCommand.round(sequential.seconds(), 4)).put("sequential_tasks", sequential.tasks())
                        .put("speedup", RunCommand.round(sequential.seconds() / fused.seconds(), 3))
                        .put("flops", fused.flops())
                        .put("work_bound_seconds", significant(work))
                        .put("fused_critical_path_seconds", significant(fused.criticalPathSeconds()))
                        .put("sequential_critical_path_seconds", significant(sequential.criticalPathSeconds()))
                        .put("fused_lower_bound_seconds", significant(Math.max(work, fused.criticalPathSeconds()))));
            }
        }
        return 0;
    }

    /** Six significant digits: bounds at tiny test sizes are microseconds, at large ones minutes. */
    private static double significant(double x) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", x));
    }

    /** {seconds, tasks, a checksum} of solve(A, B) as one job; its result is deleted after. */
    private static double[] fused(Wren wren, BlockMatrix a, BlockMatrix b) {
        BlockMatrix x = a.solve(b).compute();
        JobReport j = wren.lastJob().orElseThrow();
        double[] out = {j.seconds(), j.tasks(), checksum(x)};
        wren.delete(x.name());
        return out;
    }

    /** The same solve as three jobs: Cholesky, forward substitution, back substitution. */
    private static double[] sequential(Wren wren, BlockMatrix a, BlockMatrix b) {
        BlockMatrix l = a.cholesky().compute();
        JobReport j1 = wren.lastJob().orElseThrow();
        BlockMatrix y = l.triangularSolve(b, true, false).compute();
        JobReport j2 = wren.lastJob().orElseThrow();
        BlockMatrix x = l.triangularSolve(y, true, true).compute();
        JobReport j3 = wren.lastJob().orElseThrow();
        double[] out = {j1.seconds() + j2.seconds() + j3.seconds(), j1.tasks() + j2.tasks() + j3.tasks(), checksum(x)};
        for (BlockMatrix m : new BlockMatrix[] {l, y, x}) {
            wren.delete(m.name());
        }
        return out;
    }

    private static double checksum(BlockMatrix x) {
        return x.sum().scalar();
    }

}
