package org.wren4j.planner.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.lambdapack.Program;

/**
 * What the planner made of one or more expressions (its roots): each root rewritten, the steps
 * they lower to, and those steps fused into ONE program ({@code program}, empty when every root
 * is just a stored matrix), with every matrix of that program described in {@code values}.
 * {@code outputs.get(i)} names root i's result: an OUTPUT value of the program, or the stored
 * name of a root that rewrote to a stored matrix ({@link #stored(int)}). Equal roots share one output.
 */
public record Plan(List<MatrixExpr> originals, List<MatrixExpr> rewrittenRoots, List<String> rules, List<Step> steps,
                   Optional<Program> program, Map<String, Long> args, Map<String, Value> values, List<String> outputs) {
    public Plan {
        originals = List.copyOf(originals);
        rewrittenRoots = List.copyOf(rewrittenRoots);
        if (originals.isEmpty() || originals.size() != rewrittenRoots.size() || originals.size() != outputs.size()) {
            throw new IllegalArgumentException("a plan needs one rewritten expression and one output per root, got "
                    + originals.size() + " roots, " + rewrittenRoots.size() + " rewritten, " + outputs.size() + " outputs");
        }
        rules = List.copyOf(rules);
        steps = List.copyOf(steps);
        outputs = List.copyOf(outputs);
        // insertion order is the order of lowering: explain() output must be deterministic
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** The first root (the only one of a {@link Planner#plan(MatrixExpr)} plan). */
    public MatrixExpr original() {
        return originals.get(0);
    }

    /** The first root rewritten. */
    public MatrixExpr rewritten() {
        return rewrittenRoots.get(0);
    }

    /** The first root's result. */
    public String output() {
        return outputs.get(0);
    }

    /** Root i's stored matrix when it needs no computing (it rewrote to a stored matrix). */
    public Optional<Leaf> stored(int root) {
        return rewrittenRoots.get(root) instanceof Leaf leaf ? Optional.of(leaf) : Optional.empty();
    }
}
