package org.wren4j.planner.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wren4j.planner.lambdapack.Expr.add;
import static org.wren4j.planner.lambdapack.Expr.and;
import static org.wren4j.planner.lambdapack.Expr.c;
import static org.wren4j.planner.lambdapack.Expr.ge;
import static org.wren4j.planner.lambdapack.Expr.mul;
import static org.wren4j.planner.lambdapack.Expr.ne;
import static org.wren4j.planner.lambdapack.Expr.sub;
import static org.wren4j.planner.lambdapack.Expr.v;
import static org.wren4j.planner.lambdapack.Lp.call;
import static org.wren4j.planner.lambdapack.Lp.loop;
import static org.wren4j.planner.lambdapack.Lp.ref;
import static org.wren4j.planner.lambdapack.Lp.when;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.Stmt;

/** Closed-form task counts equal brute-force counts, including loops that can be empty or run backwards. */
class CounterTest {

    private static void assertCountMatches(Stmt body) {
        Program p = Program.builder("count").params("N", "M").input("A").output("C", 4).body(body).build();
        for (long n = 1; n <= 9; n++) {
            for (long m = 1; m <= 5; m++) {
                ProgramAnalysis a = ProgramAnalysis.of(p, Map.of("N", n, "M", m));
                long[] brute = {0};
                a.forEachTask(t -> brute[0]++);
                assertThat(a.taskCount()).as("%s with N=%d M=%d", p, n, m).isEqualTo(brute[0]);
            }
        }
    }

    private static Stmt write(Expr a, Expr b, Expr c2, Expr d) {
        return call("map_neg", ref("C", a, b, c2, d), ref("A", c(0), c(0)));
    }

    @Test
    void affineNestsWithPossiblyNegativeTripCounts() {
        Expr i = v("i");
        Expr j = v("j");
        Expr k = v("k");
        // j in 0..i-1 is empty (negative trip count) for i = 0: the polynomial alone would be wrong
        assertCountMatches(loop("i", c(0), v("N"), loop("j", c(0), sub(i, c(1)), write(i, j, c(0), c(0)))));
        assertCountMatches(loop("i", c(0), v("N"), loop("j", i, v("M"), loop("k", j, add(i, v("M")), write(i, j, k, c(0))))));
        assertCountMatches(loop("i", c(2), v("N"), loop("j", sub(v("N"), i), mul(c(2), i), write(i, j, c(0), c(0)))));
    }

    @Test
    void stepsGuardsAndNonlinearBounds() {
        Expr i = v("i");
        Expr j = v("j");
        assertCountMatches(loop("i", c(0), v("N"), c(3), loop("j", c(0), i, write(i, j, c(0), c(0)))));
        assertCountMatches(loop("i", c(0), v("N"), loop("j", c(0), v("M"), when(and(ge(j, c(1)), ne(i, j)), write(i, j, c(0), c(0))))));
        assertCountMatches(loop("i", c(0), v("N"), loop("j", c(0), Expr.pow(c(2), i), write(i, j, c(0), c(0)))));
        assertCountMatches(loop("i", c(0), v("N"), loop("j", c(0), Expr.floorDiv(v("N"), add(i, c(1))), write(i, j, c(0), c(0)))));
    }
}
