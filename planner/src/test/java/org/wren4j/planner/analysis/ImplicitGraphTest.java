package org.wren4j.planner.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.Lp;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.library.Programs;

class ImplicitGraphTest {

    /** The implicit graph (analysis) must equal the explicit one (brute force) exactly. */
    static void assertMatchesExplicit(Program program, Map<String, Long> args) {
        ProgramAnalysis a = ProgramAnalysis.of(program, args);
        ExplicitDag dag = new ExplicitDag(a);
        dag.assertAcyclic();
        String where = program.name() + args;
        assertThat(a.taskCount()).as("task count of %s", where).isEqualTo(dag.tasks.size());
        List<Node> starting = a.startingTasks();
        assertThat(starting).as("starting tasks of %s listed once", where).doesNotHaveDuplicates();
        assertThat(new HashSet<>(starting)).as("starting tasks of %s", where)
                .isEqualTo(new HashSet<>(dag.starting()));
        assertThat(a.startingTaskCount()).as("starting task count of %s", where).isEqualTo(dag.starting().size());
        long perStatement = 0;
        for (int s = 0; s < a.statementCount(); s++) {
            perStatement += a.taskCount(s);
        }
        assertThat(perStatement).isEqualTo(dag.tasks.size());
        for (Node t : dag.tasks) {
            assertThat(a.contains(t)).isTrue();
            assertThat(new HashSet<>(a.children(t))).as("children of %s in %s", a.describe(t), where)
                    .isEqualTo(dag.children.get(t));
            assertThat(new HashSet<>(a.parents(t))).as("parents of %s in %s", a.describe(t), where)
                    .isEqualTo(dag.parents.get(t));
        }
    }

    @Test
    void choleskyMatchesExplicitDag() {
        for (long n = 1; n <= 9; n++) {
            assertMatchesExplicit(Programs.cholesky(), Map.of("N", n));
        }
    }

    @Test
    void gemmMatchesExplicitDagOnRandomGrids() {
        Random r = new Random(42);
        for (int trial = 0; trial < 40; trial++) {
            long m = 1 + r.nextInt(6);
            long n = 1 + r.nextInt(6);
            long k = 1 + r.nextInt(7);
            assertMatchesExplicit(Programs.gemm(), Map.of("M", m, "N", n, "K", k));
        }
    }

    @Test
    void choleskyChildrenFollowThePaper() {
        ProgramAnalysis a = ProgramAnalysis.of(Programs.cholesky(), Map.of("N", 4L));
        // syrk with i=0, j=1, k=1 writes S[1,1,1]; its only child is chol with i=1
        assertThat(a.children(new Node(2, 0, 1, 1))).containsExactly(new Node(0, 1));
        assertThat(a.startingTasks()).containsExactly(new Node(0, 0));
        assertThat(a.taskCount()).isEqualTo(4 + 6 + 10);
    }

    @Test
    void deliberatelyWrongIndexIsCaught() {
        // trsm reads S[i, j, i + 1] instead of S[i, j, i]: reads a tile the schedule writes too late
        Expr i = Expr.v("i");
        Expr j = Expr.v("j");
        Expr k = Expr.v("k");
        Program wrong = Program.builder("cholesky_wrong").params("N").input("A").output("O").temp("S", 3, "A")
                .body(Lp.loop("i", Expr.c(0), Expr.v("N"),
                        Lp.call("chol", Lp.ref("O", i, i), Lp.ref("S", i, i, i)),
                        Lp.loop("j", Expr.add(i, Expr.c(1)), Expr.v("N"),
                                Lp.call("trsm_rlt", Lp.ref("O", j, i), Lp.ref("O", i, i), Lp.ref("S", i, j, Expr.add(i, Expr.c(1)))),
                                Lp.loop("k", Expr.add(i, Expr.c(1)), Expr.add(j, Expr.c(1)),
                                        Lp.call("syrk_update", Lp.ref("S", Expr.add(i, Expr.c(1)), j, k), Lp.ref("S", i, j, k), Lp.ref("O", j, i), Lp.ref("O", k, i))))))
                .build();
        // the analysis follows the program, so the graph is still consistent ...
        assertMatchesExplicit(wrong, Map.of("N", 4L));
        // ... but it differs from the correct one: the dependency test sees the wrong index
        ProgramAnalysis good = ProgramAnalysis.of(Programs.cholesky(), Map.of("N", 4L));
        ProgramAnalysis bad = ProgramAnalysis.of(wrong, Map.of("N", 4L));
        assertThat(bad.parents(new Node(1, 1, 2))).isNotEqualTo(good.parents(new Node(1, 1, 2)));
    }

    @Test
    void writingOneTileFromEveryIterationIsRejected() {
        Expr i = Expr.v("i");
        assertThatThrownBy(() -> Program.builder("bad").params("N").input("A").output("C")
                .body(Lp.loop("i", Expr.c(0), Expr.v("N"), Lp.loop("k", Expr.c(0), Expr.v("N"),
                        Lp.call("gemm", Lp.ref("C", i, i), Lp.ref("A", i, Expr.v("k")), Lp.ref("A", Expr.v("k"), i)))))
                .build())
                .hasMessageContaining("program bad")
                .hasMessageContaining("every iteration of loop k");
    }
}
