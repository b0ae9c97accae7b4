package org.wren4j.cli;

import java.util.HashMap;
import java.util.Map;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.JobReport;
import org.wren4j.api.LowerBounds;
import org.wren4j.api.Rehearsal;
import org.wren4j.api.Wren;

/**
 * The SPD solve of {@code bench fusion} as simulated jobs ({@link Wren#rehearse}): the same plans
 * the session API makes, run by the real embedded control plane (lease queue, runtime state,
 * dependency analysis, provisioner, worker threads), but no matrix exists and each task parks
 * its worker for its modelled flops / rate. Models time; computes nothing.
 */
final class SimulatedSolve implements AutoCloseable {
    /** What one run took: wall seconds, tasks, and its lower bounds from the modelled task times. */
    record Run(double seconds, long tasks, double flops, double criticalPathSeconds) {
        Run plus(Run o) {
            return new Run(seconds + o.seconds, tasks + o.tasks, flops + o.flops, criticalPathSeconds + o.criticalPathSeconds);
        }
    }

    private final Wren wren;
    private final double gflops;
    private final BlockMatrix a;
    private final BlockMatrix b;
    private final Map<String, LowerBounds> bounds = new HashMap<>();

    SimulatedSolve(int workers, double gflops, long n, int block, long rhs) {
        this.gflops = gflops;
        // the session API's default worker options, so real and simulated runs schedule alike
        this.wren = Wren.builder().workers(workers).build();
        this.a = wren.placeholder(n, n, block).asSpd();
        this.b = wren.placeholder(n, rhs, block);
    }

    /** solve(A, B) as one job. */
    Run fused() {
        return run("solve", a.solve(b)).run;
    }

    /** The same solve as three jobs, each started when the one before has ended. */
    Run sequential() {
        Done l = run("cholesky", a.cholesky());
        Done y = run("trisolve", l.result.triangularSolve(b, true, false));
        Done x = run("trisolve", l.result.triangularSolve(y.result, true, true));
        return l.run.plus(y.run).plus(x.run);
    }

    private record Done(Run run, BlockMatrix result) {
    }

    /** @param kind jobs of one kind have the same bounds (both triangular solves of the same sizes) */
    private Done run(String kind, BlockMatrix m) {
        LowerBounds bound = bounds.computeIfAbsent(kind, k -> wren.lowerBounds(gflops, m));
        Rehearsal r = wren.rehearse(gflops, m);
        JobReport job = r.job();
        return new Done(new Run(job.seconds(), job.tasks(), bound.flops(), bound.criticalPathSeconds()), r.results().get(0));
    }

    @Override
    public void close() {
        wren.close();
    }
}
