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
import org.wren4j.planner.lambdapack.ProgramCodec;
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

    /** The plan as a person reads it: expression, rewrite, steps, and the fused program. */
    public static String explain(Plan plan) {
        var sb = new StringBuilder();
        int roots = plan.originals().size();
        // one root keeps the 12-column layout of the stored plans; numbered roots widen it
        String label = "%-" + (roots == 1 ? 12 : ("expression " + roots + ": ").length()) + "s";
        for (int i = 0; i < roots; i++) {
            String tag = roots == 1 ? "" : " " + (i + 1);
            sb.append(String.format(label, "expression" + tag + ":")).append(plan.originals().get(i)).append('\n');
            sb.append(String.format(label, "rewritten" + tag + ":")).append(plan.rewrittenRoots().get(i)).append('\n');
        }
        sb.append("rules:      ").append(plan.rules().isEmpty() ? "(none)" : String.join(", ", plan.rules())).append('\n');
        if (plan.program().isEmpty()) {
            sb.append("nothing to compute: ").append(String.join(", ", new LinkedHashSet<>(plan.outputs()))).append(roots == 1 ? " is" : " are")
                    .append(" stored\n");
            return sb.toString();
        }
        sb.append("inputs:     ");
        plan.values().values().stream().filter(v -> v.leaf().isPresent())
                .forEach(v -> sb.append(v.name()).append(" = ").append(v.leaf().get().name()).append(' ')
                        .append(v.shape().orElseThrow()).append(v.structure() == org.wren4j.planner.expr.Structure.GENERAL ? "" : " " + v.structure()).append("; "));
        sb.append('\n').append("steps:\n");
        for (int k = 0; k < plan.steps().size(); k++) {
            Step s = plan.steps().get(k);
            sb.append(String.format("  %d. %-40s %s%s %s%n", k + 1, s.operation(), s.program().name(), new java.util.TreeMap<>(s.args()),
                    new java.util.TreeMap<>(s.matrices())));
        }
        Program p = plan.program().get();
        sb.append("one program (").append(plan.steps().size()).append(" steps fused, ").append(ProgramCodec.encode(p).length)
                .append(" bytes), ").append(results(plan)).append(":\n");
        sb.append(p);
        return sb.toString();
    }

    private static String results(Plan plan) {
        if (plan.outputs().size() == 1) {
            return "result " + plan.output();
        }
        List<String> each = new ArrayList<>();
        for (int i = 0; i < plan.outputs().size(); i++) {
            each.add((i + 1) + " = " + plan.outputs().get(i) + (plan.stored(i).isPresent() ? " (stored)" : ""));
        }
        return "results " + String.join(", ", each);
    }
}
