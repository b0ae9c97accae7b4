package org.wren4j.planner.analysis;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.QrQ;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.plan.Plan;
import org.wren4j.planner.plan.Planner;

/**
 * The thin Q of a QR with its identity columns computed in the same program: tsqr_q/caqr_q
 * start their working copies (temporaries initialised from B) from the element-wise step's
 * output, and the implicit graph must follow that, or the job waits forever.
 */
class QrQGraphTest {
    private static MatrixExpr thinIdentity(int m, int n, int block) {
        return new Elementwise(List.of(new Leaf("Ri", new Shape(m, 1), block, Structure.GENERAL),
                new Leaf("Ci", new Shape(1, n), block, Structure.GENERAL)),
                EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Binary(EwOp.BinaryFn.EQ)));
    }

    @Test
    void computedIdentityMatchesExplicitDag() {
        int[][] cases = {{1, 1, 1}, {9, 3, 4}, {5, 3, 8}, {7, 7, 3}, {11, 5, 2}, {12, 8, 4}};
        for (int[] c : cases) {
            Leaf a = new Leaf("A", new Shape(c[0], c[1]), c[2], Structure.GENERAL);
            Plan plan = Planner.plan(new QrQ(a, thinIdentity(c[0], c[1], c[2])));
            ImplicitGraphTest.assertMatchesExplicit(plan.program().orElseThrow(), plan.args());
        }
    }
}
