package org.wren4j.planner.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wren4j.planner.expr.MatrixExpr;

/**
 * Applies rules bottom-up to a fixed point: children first, then the node, and a rewritten node
 * is rewritten again (its new children too) until no rule fires. Equal sub-expressions are
 * rewritten once.
 */
public final class RuleEngine {
    /** The rewritten expression and the rules that fired, in order. */
    public record Rewrite(MatrixExpr result, List<String> applied) {
    }

    private static final int MAX_STEPS = 10_000;

    private final List<Rule> rules;
    private final List<String> applied = new ArrayList<>();
    private final Map<MatrixExpr, MatrixExpr> memo = new HashMap<>();

    private RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Rewrite rewrite(MatrixExpr expr, List<Rule> rules) {
        var engine = new RuleEngine(rules);
        return new Rewrite(engine.fix(expr), List.copyOf(engine.applied));
    }

    private MatrixExpr fix(MatrixExpr expr) {
        MatrixExpr done = memo.get(expr);
        if (done != null) {
            return done;
        }
        MatrixExpr node = expr;
        while (true) {
            List<MatrixExpr> kids = node.children();
            List<MatrixExpr> newKids = new ArrayList<>(kids.size());
            boolean changed = false;
            for (MatrixExpr k : kids) {
                MatrixExpr nk = fix(k);
                changed |= !nk.equals(k);
                newKids.add(nk);
            }
            if (changed) {
                node = node.withChildren(newKids);
            }
            Optional<MatrixExpr> next = Optional.empty();
            for (Rule r : rules) {
                next = r.apply(node);
                if (next.isPresent() && !next.get().equals(node)) {
                    applied.add(r.name());
                    if (applied.size() > MAX_STEPS) {
                        throw new IllegalStateException("rewrite rules do not terminate; last rules: " + applied.subList(applied.size() - 10, applied.size()));
                    }
                    break;
                }
                next = Optional.empty();
            }
            if (next.isEmpty()) {
                memo.put(expr, node);
                return node;
            }
            node = next.get();
        }
    }
}
