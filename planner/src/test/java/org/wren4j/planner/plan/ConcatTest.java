package org.wren4j.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.expr.Concat;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.ShapeMismatchException;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.interp.PlanInterpreter;

/** vstack and hstack run by the reference interpreter against naive loops, for every split of short parts. */
class ConcatTest {
    private final Random random = new Random(17);

    private static double[][] vstack(double[][] a, double[][] b) {
        double[][] out = new double[a.length + b.length][];
        for (int r = 0; r < a.length; r++) {
            out[r] = a[r].clone();
        }
        for (int r = 0; r < b.length; r++) {
            out[a.length + r] = b[r].clone();
        }
        return out;
    }

    /** Every pair of lengths 1..9 against blocks 1, 3, 4 and 10 (block > both): aligned, ragged, one-row parts. */
    @Test
    void everySplitMatchesNaiveLoops() {
        for (int block : new int[] {1, 3, 4, 10}) {
            for (int ma = 1; ma <= 9; ma++) {
                for (int mb = 1; mb <= 9; mb++) {
                    for (int width : new int[] {1, 5}) {
                        double[][] a = Dense.random(random, ma, width);
                        double[][] b = Dense.random(random, mb, width);
                        Map<String, double[][]> dense = new HashMap<>(Map.of("A", a, "B", b, "At", Dense.t(a), "Bt", Dense.t(b)));
                        Leaf la = new Leaf("A", new Shape(ma, width), block, Structure.GENERAL);
                        Leaf lb = new Leaf("B", new Shape(mb, width), block, Structure.GENERAL);
                        Leaf lat = new Leaf("At", new Shape(width, ma), block, Structure.GENERAL);
                        Leaf lbt = new Leaf("Bt", new Shape(width, mb), block, Structure.GENERAL);
                        double[][] want = vstack(a, b);
                        String as = ma + "+" + mb + " x " + width + " block " + block;
                        assertThat(PlanInterpreter.run(Planner.plan(new Concat(la, lb, false)), dense)).as("vstack " + as).isDeepEqualTo(want);
                        assertThat(PlanInterpreter.run(Planner.plan(new Concat(lat, lbt, true)), dense)).as("hstack " + as)
                                .isDeepEqualTo(Dense.t(want));
                    }
                }
            }
        }
    }

    /** A computed part in the same program: the join reads the product's tiles as they are written. */
    @Test
    void computedPartsJoinInOneProgram() {
        double[][] x = Dense.random(random, 7, 3);
        double[][] y = Dense.random(random, 3, 5);
        double[][] z = Dense.random(random, 2, 5);
        Map<String, double[][]> dense = Map.of("X", x, "Y", y, "Z", z);
        Leaf lx = new Leaf("X", new Shape(7, 3), 3, Structure.GENERAL);
        Leaf ly = new Leaf("Y", new Shape(3, 5), 3, Structure.GENERAL);
        Leaf lz = new Leaf("Z", new Shape(2, 5), 3, Structure.GENERAL);
        Concat c = new Concat(new MatMul(lx, ly), lz, false);
        double[][] got = PlanInterpreter.run(Planner.plan(c), dense);
        assertThat(Dense.maxAbs(Dense.minus(got, vstack(Dense.mul(x, y), z)))).isLessThan(1e-14);
    }

    @Test
    void mismatchedWidthsNameBothShapes() {
        Leaf a = new Leaf("A", new Shape(3, 4), 2, Structure.GENERAL);
        Leaf b = new Leaf("B", new Shape(3, 5), 2, Structure.GENERAL);
        assertThatThrownBy(() -> new Concat(a, b, false)).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("vstack: cannot join a 3x4 and a 3x5 matrix; one above the other they need the same number of columns");
        assertThatThrownBy(() -> new Concat(a, new Leaf("C", new Shape(3, 5), 3, Structure.GENERAL), true))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("block sizes differ");
        assertThat(new Concat(a, b, true).shape()).isEqualTo(new Shape(3, 9));
    }
}
