package org.wren4j.planner.interp;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;

/**
 * Runs a program sequentially on in-memory tiles with {@link ReferenceKernels}: the reference
 * semantics of LAmbdaPACK that distributed execution is held to. Tasks run in dependency order
 * as the implicit graph gives it (starting tasks, then children whose parents are all done,
 * lower priority first), so a run also exercises the analysis.
 */
public final class Interpreter {
    private Interpreter() {
    }

    /**
     * Runs every task once and returns all tiles written, plus the inputs.
     *
     * @throws IllegalStateException if a task reads a tile that is neither an input nor written
     *         before it, if a tile is written twice, or if some task never becomes ready (a cycle)
     */
    public static Map<ConcreteTile, double[][]> run(ProgramAnalysis analysis, Map<ConcreteTile, double[][]> inputs) {
        return run(analysis, inputs, t -> null);
    }

    /**
     * As {@link #run(ProgramAnalysis, Map)}, with {@code implicit} supplying tiles that exist by
     * structure rather than in the store (zeros above a triangular factor's diagonal, the
     * transposed lower tile of a symmetric matrix); it returns null for any other tile.
     */
    public static Map<ConcreteTile, double[][]> run(ProgramAnalysis analysis, Map<ConcreteTile, double[][]> inputs,
                                                    java.util.function.Function<ConcreteTile, double[][]> implicit) {
        requireNonNull(analysis, "analysis is null");
        Map<ConcreteTile, double[][]> store = new HashMap<>(requireNonNull(inputs, "inputs is null"));
        Map<Node, Integer> waiting = new HashMap<>();
        var ready = new PriorityQueue<Node>(Comparator.comparingLong(analysis::priority).thenComparing(Node::key));
        analysis.forEachStartingTask(ready::add);
        long done = 0;
        while (!ready.isEmpty()) {
            Node task = ready.poll();
            execute(analysis, task, store, implicit);
            done++;
            for (Node child : analysis.children(task)) {
                int left = waiting.computeIfAbsent(child, c -> analysis.parents(c).size()) - 1;
                waiting.put(child, left);
                if (left == 0) {
                    ready.add(child);
                }
            }
        }
        long total = analysis.taskCount();
        if (done != total) {
            throw new IllegalStateException(analysis + ": ran " + done + " of " + total + " tasks; the rest never became ready");
        }
        return store;
    }

    private static void execute(ProgramAnalysis analysis, Node task, Map<ConcreteTile, double[][]> store,
                                java.util.function.Function<ConcreteTile, double[][]> implicit) {
        List<double[][]> in = new ArrayList<>();
        for (ConcreteTile t : analysis.inputs(task)) {
            ConcreteTile src = analysis.source(t);
            double[][] tile = store.get(src);
            if (tile == null) {
                tile = implicit.apply(src);
            }
            if (tile == null) {
                throw new IllegalStateException(analysis + ": task " + analysis.describe(task) + " reads " + t + ", which does not exist");
            }
            in.add(tile);
        }
        String kernel = analysis.statement(task.statement()).kernel();
        List<double[][]> out;
        try {
            out = ReferenceKernels.apply(kernel, in, analysis.scalars(task));
        } catch (RuntimeException e) {
            throw new IllegalStateException(analysis + ": task " + analysis.describe(task) + " failed: " + e.getMessage(), e);
        }
        List<ConcreteTile> outs = analysis.outputs(task);
        for (int i = 0; i < outs.size(); i++) {
            if (store.put(outs.get(i), out.get(i)) != null) {
                throw new IllegalStateException(analysis + ": tile " + outs.get(i) + " written twice, last by " + analysis.describe(task));
            }
        }
    }
}
