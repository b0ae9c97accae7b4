package org.wren4j.planner.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.ProgramCodec;

/**
 * A plan as people read it. {@link #summary} is the short form: each root as written, its
 * rewrite drawn as a tree, the rules applied, the inputs, the steps with their task counts and
 * the one fused program's size; {@link #full} adds the program's LAmbdaPACK listing.
 */
public final class PlanText {
    /** Stands for a child in a tree node's label, e.g. {@code cholesky(·)}. */
    static final String HOLE = "·";

    private PlanText() {
    }

    /** The short form: no program listing. */
    public static String summary(Plan plan) {
        var sb = new StringBuilder();
        int roots = plan.originals().size();
        for (int i = 0; i < roots; i++) {
            String tag = roots == 1 ? "" : " " + (i + 1);
            sb.append("expression").append(tag).append(": ").append(plan.originals().get(i)).append('\n');
            sb.append("rewritten").append(tag).append(":\n");
            tree(plan.rewrittenRoots().get(i), sb);
        }
        header(plan, sb, true);
        return sb.toString();
    }

    /** The whole plan: expression, rewrite, steps, and the fused program's listing. */
    public static String full(Plan plan) {
        var sb = new StringBuilder();
        int roots = plan.originals().size();
        // one root keeps the 12-column layout of the stored plans; numbered roots widen it
        String label = "%-" + (roots == 1 ? 12 : ("expression " + roots + ": ").length()) + "s";
        for (int i = 0; i < roots; i++) {
            String tag = roots == 1 ? "" : " " + (i + 1);
            sb.append(String.format(label, "expression" + tag + ":")).append(plan.originals().get(i)).append('\n');
            sb.append(String.format(label, "rewritten" + tag + ":")).append(plan.rewrittenRoots().get(i)).append('\n');
        }
        if (header(plan, sb, false)) {
            sb.append(":\n").append(plan.program().get());
        }
        return sb.toString();
    }

    /**
     * Rules, inputs, steps and the program's size line (without its end), or the line saying
     * nothing is to compute.
     *
     * @return whether there is a program
     */
    private static boolean header(Plan plan, StringBuilder sb, boolean taskCounts) {
        int roots = plan.originals().size();
        sb.append("rules:      ").append(plan.rules().isEmpty() ? "(none)" : String.join(", ", plan.rules())).append('\n');
        if (plan.program().isEmpty()) {
            sb.append("nothing to compute: ").append(String.join(", ", new LinkedHashSet<>(plan.outputs()))).append(roots == 1 ? " is" : " are")
                    .append(" stored\n");
            return false;
        }
        sb.append("inputs:     ");
        plan.values().values().stream().filter(v -> v.leaf().isPresent())
                .forEach(v -> sb.append(v.name()).append(" = ").append(v.leaf().get().name()).append(' ')
                        .append(v.shape().orElseThrow()).append(v.structure() == Structure.GENERAL ? "" : " " + v.structure()).append("; "));
        sb.append('\n').append("steps:\n");
        for (int k = 0; k < plan.steps().size(); k++) {
            Step s = plan.steps().get(k);
            String tasks = taskCounts ? tasks(ProgramAnalysis.of(s.program(), s.args()).taskCount()) : "";
            sb.append(String.format("  %d. %-40s %s%s%s %s%n", k + 1, s.operation(), tasks, s.program().name(), new TreeMap<>(s.args()),
                    new TreeMap<>(s.matrices())));
        }
        Program p = plan.program().get();
        sb.append("one program (").append(plan.steps().size()).append(" steps fused, ").append(ProgramCodec.encode(p).length).append(" bytes");
        if (taskCounts) {
            sb.append(String.format(", %,d tasks", ProgramAnalysis.of(p, plan.args()).taskCount()));
        }
        sb.append("), ").append(results(plan));
        if (taskCounts) {
            sb.append('\n');
        }
        return true;
    }

    private static String tasks(long n) {
        return String.format("%,10d %-5s  ", n, n == 1 ? "task" : "tasks");
    }

    /**
     * Draws {@code root} as an indented tree, one node a line with its shape and structure; a
     * sub-expression met again (computed once) is drawn once and then named as shown above.
     */
    static void tree(MatrixExpr root, StringBuilder sb) {
        node(root, "  ", "  ", new HashSet<>(), sb);
    }

    private static void node(MatrixExpr e, String lead, String childLead, Set<MatrixExpr> shown, StringBuilder sb) {
        sb.append(lead).append(label(e)).append("  ").append(e.shape()).append(e.structure() == Structure.GENERAL ? "" : " " + e.structure());
        List<MatrixExpr> children = e.children();
        if (!children.isEmpty() && !shown.add(e)) {
            sb.append("  (as above)\n");
            return;
        }
        sb.append('\n');
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            node(children.get(i), childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "), shown, sb);
        }
    }

    /** A node's own part: its text with each child's text replaced by {@link #HOLE}, e.g. {@code (· @ ·)}. */
    static String label(MatrixExpr e) {
        String text = e.toString();
        if (e instanceof Leaf) {
            return text;
        }
        var out = new StringBuilder();
        int from = 0;
        for (MatrixExpr c : e.children()) {
            String child = c.toString();
            int at = text.indexOf(child, from);
            if (at < 0) {
                continue;
            }
            out.append(text, from, at).append(HOLE);
            from = at + child.length();
        }
        return out.append(text.substring(from)).toString();
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
