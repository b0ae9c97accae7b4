package org.wren4j.cli;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.wren4j.exec.EngineConfig;
import org.wren4j.exec.ExecEngine;
import org.wren4j.exec.JobResult;
import org.wren4j.exec.ProgressListener;
import org.wren4j.exec.job.JobBinder;
import org.wren4j.exec.job.JobBinder.BoundJob;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.TaskFlops;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.expr.Cholesky;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Solve;
import org.wren4j.planner.expr.TriSolve;
import org.wren4j.planner.plan.Plan;
import org.wren4j.planner.plan.Planner;
import org.wren4j.tiles.TileStore;

/**
 * The SPD solve of {@code bench fusion} as simulated jobs ({@link JobSpec#asSimulated}): the same
 * plans the session API makes, run by the real embedded control plane (lease queue, runtime
 * state, dependency analysis, provisioner, worker threads), but no matrix exists and each task
 * parks its worker for its modelled flops / rate. Models time; computes nothing.
 */
final class SimulatedSolve implements AutoCloseable {
    /** What one run took: wall seconds, tasks, and its lower bounds from the modelled task times. */
    record Run(double seconds, long tasks, double flops, double criticalPathSeconds) {
        Run plus(Run o) {
            return new Run(seconds + o.seconds, tasks + o.tasks, flops + o.flops, criticalPathSeconds + o.criticalPathSeconds);
        }
    }

    private final ExecEngine engine;
    private final double gflops;
    private final Leaf a;
    private final Leaf b;
    private final Map<String, Run> bounds = new HashMap<>();
    private final JobBinder binder;
    private long ids;

    SimulatedSolve(int workers, double gflops, long n, int block, long rhs) {
        this.gflops = gflops;
        this.binder = new JobBinder(() -> "sim/" + (++ids));
        // the session API's worker options (Wren.builder() defaults), so real and simulated runs schedule alike
        var worker = new WorkerConfig(2, Duration.ofSeconds(30), Duration.ofSeconds(2), 5, Duration.ofMillis(100));
        this.engine = ExecEngine.embedded(TileStore.inMemory(), EngineConfig.defaults().withMaxWorkers(workers).withWorker(worker));
        this.a = new Leaf("sim/A", new Shape(n, n), block, org.wren4j.planner.expr.Structure.SPD);
        this.b = new Leaf("sim/B", new Shape(n, rhs), block, org.wren4j.planner.expr.Structure.GENERAL);
    }

    /** solve(A, B) as one job. */
    Run fused() {
        return run(new Solve(a, b)).run;
    }

    /** The same solve as three jobs, each started when the one before has ended. */
    Run sequential() {
        Done l = run(new Cholesky(a));
        Done y = run(new TriSolve(l.result, b, true, false));
        Done x = run(new TriSolve(l.result, y.result, true, true));
        return l.run.plus(y.run).plus(x.run);
    }

    private record Done(Run run, Leaf result) {
    }

    private Done run(MatrixExpr expr) {
        Plan plan = Planner.plan(expr);
        BoundJob job = binder.bind(plan, new JobBinder.Simulated(gflops));
        Leaf out = job.outputs().get(plan.output());
        JobSpec spec = job.spec();
        Run bound = bounds.computeIfAbsent(expr.getClass().getSimpleName() + expr.shape() + expr.blockSize(), k -> bounds(spec));
        JobResult r = engine.run(spec, ProgressListener.NONE);
        return new Done(new Run(r.seconds(), r.tasks(), bound.flops(), bound.criticalPathSeconds()), out);
    }

    /** Total modelled flops and the longest path of modelled task times through the job's DAG. */
    private Run bounds(JobSpec spec) {
        ProgramAnalysis analysis = ProgramAnalysis.of(spec.program(), spec.args());
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, Double> ready = new HashMap<>(); // earliest start: latest finish of the parents seen so far
        ArrayDeque<Node> queue = new ArrayDeque<>();
        analysis.forEachStartingTask(queue::add);
        double flops = 0;
        double longest = 0;
        long tasks = 0;
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            tasks++;
            double f = TaskFlops.flops(spec, analysis, node);
            flops += f;
            double finish = ready.getOrDefault(node.key(), 0.0) + f / (gflops * 1e9);
            longest = Math.max(longest, finish);
            for (Node c : analysis.children(node)) {
                String k = c.key();
                ready.merge(k, finish, Math::max);
                int left = waiting.computeIfAbsent(k, x -> analysis.parents(c).size()) - 1;
                waiting.put(k, left);
                if (left == 0) {
                    queue.add(c);
                }
            }
        }
        return new Run(0, tasks, flops, longest);
    }

    @Override
    public void close() {
        engine.close();
    }
}
