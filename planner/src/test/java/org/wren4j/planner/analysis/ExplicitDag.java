package org.wren4j.planner.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task graph of a program built the brute-force way: every task, every edge, in memory. A
 * read of a temporary's tile that no task writes depends on the writer, if any, of the same
 * (row, column) tile of the temporary's initial matrix.
 */
final class ExplicitDag {
    final List<Node> tasks = new ArrayList<>();
    final Map<Node, Set<Node>> parents = new HashMap<>();
    final Map<Node, Set<Node>> children = new HashMap<>();

    ExplicitDag(ProgramAnalysis analysis) {
        Map<ConcreteTile, Node> writerOf = new HashMap<>();
        analysis.forEachTask(tasks::add);
        for (Node t : tasks) {
            for (ConcreteTile out : analysis.outputs(t)) {
                Node previous = writerOf.put(out, t);
                if (previous != null) {
                    throw new AssertionError("tile " + out + " written by " + previous + " and " + t);
                }
            }
        }
        for (Node t : tasks) {
            parents.put(t, new LinkedHashSet<>());
            children.putIfAbsent(t, new LinkedHashSet<>());
        }
        for (Node t : tasks) {
            for (ConcreteTile in : analysis.inputs(t)) {
                Node w = writerOf.get(in);
                if (w == null) {
                    // an unwritten tile of a temporary holds its initial matrix's tile, possibly written in the program
                    var init = analysis.program().requireMatrix(in.matrix()).initialFrom();
                    if (init.isPresent()) {
                        w = writerOf.get(new ConcreteTile(init.get(), in.row(), in.col()));
                    }
                }
                if (w != null) {
                    parents.get(t).add(w);
                    children.computeIfAbsent(w, x -> new LinkedHashSet<>()).add(t);
                }
            }
        }
    }

    List<Node> starting() {
        return tasks.stream().filter(t -> parents.get(t).isEmpty()).toList();
    }

    /** Throws if the graph has a cycle (Kahn's algorithm must consume every task). */
    void assertAcyclic() {
        Map<Node, Integer> remaining = new HashMap<>();
        parents.forEach((t, p) -> remaining.put(t, p.size()));
        var ready = new ArrayList<>(starting());
        int done = 0;
        while (!ready.isEmpty()) {
            Node t = ready.remove(ready.size() - 1);
            done++;
            for (Node c : children.get(t)) {
                if (remaining.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        if (done != tasks.size()) {
            throw new AssertionError("cycle: only " + done + " of " + tasks.size() + " tasks can run");
        }
    }
}
