package org.wren4j.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.expr.Cholesky;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Solve;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.expr.Transpose;

class PlanTextTest {
    private static final Leaf A = new Leaf("A", new Shape(10, 10), 4, Structure.SPD);
    private static final Leaf B = new Leaf("B", new Shape(10, 3), 4, Structure.GENERAL);

    @Test
    void summaryDrawsTheRewriteAsATreeWithoutTheListing() {
        Plan plan = Planner.plan(new Solve(A, B));
        String text = PlanText.summary(plan);
        assertThat(text).startsWith("expression: solve(A, B)\nrewritten:\n  trisolve_lower_t(·, ·)  10x3\n");
        // the Cholesky factor feeds both triangular solves: drawn once, then named as above
        assertThat(text).contains("  ├─ cholesky(·)  10x10 LOWER\n  │  └─ A  10x10 SPD\n");
        assertThat(text).contains("     ├─ cholesky(·)  10x10 LOWER  (as above)\n     └─ B  10x3\n");
        assertThat(text).doesNotContain("program cholesky").doesNotContain("for ");
        assertThat(text).contains("one program (3 steps fused, ").endsWith("tasks), result " + plan.output() + "\n");
    }

    @Test
    void stepTaskCountsAddUpToTheProgramsCount() {
        Plan plan = Planner.plan(new Solve(A, B));
        long fused = ProgramAnalysis.of(plan.program().get(), plan.args()).taskCount();
        long sum = 0;
        for (Step s : plan.steps()) {
            long n = ProgramAnalysis.of(s.program(), s.args()).taskCount();
            assertThat(PlanText.summary(plan)).containsPattern("\\d\\. " + java.util.regex.Pattern.quote(s.operation()) + " +" + n + " tasks?  +" + s.program().name());
            sum += n;
        }
        // 3x3 tiles: cholesky has 3 potrf + 3 trsm + 4 syrk/gemm updates = 10; each solve 3 + 3 = 6 for 1 column of tiles
        assertThat(sum).isEqualTo(fused).isEqualTo(22);
        assertThat(PlanText.summary(plan)).contains(", 22 tasks), ");
    }

    @Test
    void labelsReplaceChildrenByAHole() {
        assertThat(PlanText.label(new MatMul(new Transpose(B), B))).isEqualTo("(· @ B)".replace("B)", "·)"));
        assertThat(PlanText.label(new Transpose(B))).isEqualTo("·.T");
        assertThat(PlanText.label(new Cholesky(A))).isEqualTo("cholesky(·)");
        assertThat(PlanText.label(A)).isEqualTo("A");
    }

    @Test
    void fullEndsWithTheProgramAndSummaryHasNothingToComputeForAStoredRoot() {
        Plan plan = Planner.plan(new Solve(A, B));
        assertThat(PlanText.full(plan)).contains("one program (3 steps fused, ").contains(plan.program().get().toString());
        Plan none = Planner.plan(List.of(A), org.wren4j.planner.rules.Rules.defaults());
        assertThat(PlanText.summary(none)).endsWith("nothing to compute: A is stored\n");
    }
}
