package org.wren4j.exec.job;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;

/**
 * Lower bounds of a job's time from its kernels' textbook flops ({@link TaskFlops}) at a rate:
 * the total flops, and the longest path of task times through its DAG (no number of workers
 * finishes sooner). Walks every task once, in topological order.
 *
 * @param tasks   tasks of the job
 * @param flops   their modelled flops, summed
 * @param seconds the critical path at the rate given
 */
public record CriticalPath(long tasks, double flops, double seconds) {
    /** The bounds of {@code spec} with every task running at {@code gflops}. */
    public static CriticalPath of(JobSpec spec, double gflops) {
        if (!(gflops > 0) || Double.isInfinite(gflops)) {
            throw new IllegalArgumentException("GFLOP/s must be positive, got " + gflops);
        }
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
        return new CriticalPath(tasks, flops, longest);
    }
}
