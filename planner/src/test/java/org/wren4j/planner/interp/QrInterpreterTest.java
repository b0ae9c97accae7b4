package org.wren4j.planner.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.library.Programs;

class QrInterpreterTest {

    @Test
    void tsqrGivesTheRFactorOfTheWholeMatrix() {
        Random r = new Random(8);
        for (int trial = 0; trial < 8; trial++) {
            int n = 1 + r.nextInt(4);
            int b = n + r.nextInt(3); // tiles at least as tall as wide, except a ragged last one
            int m = n + r.nextInt(30);
            double[][] a = InterpreterTest.random(r, m, n);
            var in = new HashMap<ConcreteTile, double[][]>();
            Tiles.split("A", a, b, n, in);
            for (int fan : new int[] {2, 4, 8}) {
                var out = InterpreterTest.run(Programs.tsqr(fan), Map.of("M", (long) Tiles.count(m, b)), in);
                double[][] rf = out.get(new ConcreteTile("R", 0, 0));
                InterpreterTest.assertClose(rf, QrKernels.r(a), "tsqr m=" + m + " n=" + n + " b=" + b + " fan-in " + fan);
                // and R^T R = A^T A: R is a true triangular factor, not just equal to the reference
                InterpreterTest.assertClose(DenseOps.multiply(DenseOps.transpose(rf), rf),
                        DenseOps.multiply(DenseOps.transpose(a), a), "R^T R");
                for (int i = 0; i < n; i++) {
                    assertThat(rf[i][i]).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }
}
