package org.wren4j.planner.analysis;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.library.ExprPrograms;

/** The vstack/hstack program's implicit graph (children, parents, starting tasks) against the explicit DAG, for every split of short parts. */
class ConcatGraphTest {
    @Test
    void concatMatchesExplicitDag() {
        for (long b = 1; b <= 4; b++) {
            for (long ma = 1; ma <= 9; ma++) {
                for (long mb = 1; mb <= 9; mb++) {
                    long ta = (ma + b - 1) / b;
                    long tb = (mb + b - 1) / b;
                    for (long g = 1; g <= 2; g++) {
                        for (boolean across : new boolean[] {false, true}) {
                            long rem = ma % b;
                            if (rem == 0) {
                                ImplicitGraphTest.assertMatchesExplicit(ExprPrograms.concat(across, true),
                                        Map.of("TA", ta, "TB", tb, "MB", mb, "G", g, "B", b));
                            } else {
                                long d = b - rem;
                                long last = (tb - 1) * b + d < mb ? 1 : 0;
                                ImplicitGraphTest.assertMatchesExplicit(ExprPrograms.concat(across, false),
                                        Map.of("TA", ta, "TB", tb, "MB", mb, "G", g, "B", b, "C", rem, "D", d, "LAST", last));
                            }
                        }
                    }
                }
            }
        }
    }
}
