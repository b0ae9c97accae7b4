package org.wren4j.planner.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return plan(expr, Rules.defaults());
    }

    /**
     * @throws PlanningException if some operation cannot be lowered (the message says why)
     */
    public static Plan plan(MatrixExpr expr, List<Rule> rules) {
        RuleEngine.Rewrite rw = RuleEngine.rewrite(expr, rules);
        MatrixExpr rewritten = rw.result();
        if (rewritten instanceof Leaf leaf) {
            return new Plan(expr, rewritten, rw.applied(), List.of(), Optional.empty(), Map.of(), Map.of(), leaf.name());
        }
        var lowering = new StepLowering();
        String out = lowering.lower(rewritten);
        Map<String, Value> values = new LinkedHashMap<>(lowering.values);
        Value result = values.get(out);
        values.put(out, new Value(out, MatrixDecl.Role.OUTPUT, result.shape(), result.blockSize(), result.structure(), Optional.empty()));
        Map<String, MatrixDecl.Role> shared = new LinkedHashMap<>();
        values.forEach((name, v) -> shared.put(name, v.role()));
        List<ProgramFusion.Part> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Step s : lowering.steps) {
            parts.add(new ProgramFusion.Part(s.program(), s.args(), s.matrices()));
            names.add(s.program().name());
        }
        ProgramFusion.Fused fused = ProgramFusion.fuse(String.join("+", names), parts, shared);
        return new Plan(expr, rewritten, rw.applied(), lowering.steps, Optional.of(fused.program()), fused.args(), values, out);
    }

    /** The plan as a person reads it: expression, rewrite, steps, and the fused program. */
    public static String explain(Plan plan) {
        var sb = new StringBuilder();
        sb.append("expression: ").append(plan.original()).append('\n');
        sb.append("rewritten:  ").append(plan.rewritten()).append('\n');
        sb.append("rules:      ").append(plan.rules().isEmpty() ? "(none)" : String.join(", ", plan.rules())).append('\n');
        if (plan.program().isEmpty()) {
            sb.append("nothing to compute: ").append(plan.output()).append(" is stored\n");
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
                .append(" bytes), result ").append(plan.output()).append(":\n");
        sb.append(p);
        return sb.toString();
    }
}
