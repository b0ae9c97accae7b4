package org.wren4j.planner.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.lambdapack.Program;

/**
 * What the planner made of an expression: the rewritten expression, the steps it lowers to,
 * and those steps fused into ONE program ({@code program}, empty when the expression is just a
 * stored matrix), with every matrix of that program described in {@code values}.
 */
public record Plan(MatrixExpr original, MatrixExpr rewritten, List<String> rules, List<Step> steps,
                   Optional<Program> program, Map<String, Long> args, Map<String, Value> values, String output) {
    public Plan {
        rules = List.copyOf(rules);
        steps = List.copyOf(steps);
        // insertion order is the order of lowering: explain() output must be deterministic
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
