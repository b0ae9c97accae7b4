package org.wren4j.planner.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.ProgramFusion;
import org.wren4j.planner.rules.Rule;
import org.wren4j.planner.rules.RuleEngine;
import org.wren4j.planner.rules.Rules;

/**
 * Plans a whole expression: rewrite rules to a fixed point, lowering to one step per
 * operation, and fusion of all steps into ONE LAmbdaPACK program, so that an operation's
 * tasks start as soon as the tiles they read exist (forward substitution overlaps the
 * factorization) instead of waiting at a barrier between operations.
 */
public final class Planner {
    private Planner() {
    }

    public static Plan plan(MatrixExpr expr) {
        return plan(List.of(expr), Rules.defaults());
    }

    /**
     * @throws PlanningException if some operation cannot be lowered (the message says why)
     */
    public static Plan plan(MatrixExpr expr, List<Rule> rules) {
        return plan(List.of(expr), rules);
    }

    /**
     * Plans several roots into ONE fused program with one OUTPUT value per distinct root that
     * needs computing: equal sub-expressions (and equal roots) are lowered once, an LU of one
     * matrix is factored once however many of its parts are asked for, and a root that rewrites
     * to a stored matrix needs no output.
     *
     * @throws PlanningException if some operation cannot be lowered (the message says why)
     * @throws IllegalArgumentException if there are no roots
     */
    public static Plan plan(List<MatrixExpr> roots, List<Rule> rules) {
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("plan: no expressions to plan");
        }
        List<MatrixExpr> rewritten = new ArrayList<>();
        Set<String> applied = new LinkedHashSet<>();
        for (MatrixExpr root : roots) {
            RuleEngine.Rewrite rw = RuleEngine.rewrite(root, rules);
            rewritten.add(rw.result());
            applied.addAll(rw.applied());
        }
        var lowering = new StepLowering();
        List<String> outputs = new ArrayList<>();
        for (MatrixExpr r : rewritten) {
            outputs.add(r instanceof Leaf leaf ? leaf.name() : lowering.lower(r));
        }
        if (lowering.steps.isEmpty()) {
            return new Plan(roots, rewritten, List.copyOf(applied), List.of(), Optional.empty(), Map.of(), Map.of(), outputs);
        }
        Map<String, Value> values = new LinkedHashMap<>(lowering.values);
        for (int i = 0; i < outputs.size(); i++) {
            if (!(rewritten.get(i) instanceof Leaf)) {
                Value v = values.get(outputs.get(i));
                values.put(v.name(), new Value(v.name(), MatrixDecl.Role.OUTPUT, v.shape(), v.blockSize(), v.structure(), Optional.empty()));
            }
        }
        Map<String, MatrixDecl.Role> shared = new LinkedHashMap<>();
        values.forEach((name, v) -> shared.put(name, v.role()));
        List<ProgramFusion.Part> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Step s : lowering.steps) {
            parts.add(new ProgramFusion.Part(s.program(), s.args(), s.matrices()));
            names.add(s.program().name());
        }
        ProgramFusion.Fused fused = ProgramFusion.fuse(String.join("+", names), parts, shared);
        return new Plan(roots, rewritten, List.copyOf(applied), lowering.steps, Optional.of(fused.program()), fused.args(), values, outputs);
    }

    /** The plan as a person reads it, ending with the fused program's listing; see {@link PlanText#full}. */
    public static String explain(Plan plan) {
        return PlanText.full(plan);
    }

    /** The plan as a short tree with task counts and no program listing; see {@link PlanText#summary}. */
    public static String summary(Plan plan) {
        return PlanText.summary(plan);
    }

}
