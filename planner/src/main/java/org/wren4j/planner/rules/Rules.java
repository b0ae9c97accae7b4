package org.wren4j.planner.rules;

import java.util.List;

/** The rules the planner runs, in the order they are tried at each node. */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> defaults() {
        return List.of(
                new DoubleTranspose(),
                new SymmetricTranspose(),
                new GramFromProduct(),
                new TransposeIntoProduct(),
                new MatMulChainOrder(),
                new SolveByCholesky(),
                new SolveTriangular(),
                new TransposeIntoTriSolve(),
                new FuseElementwise(),
                new SimplifyElementwise());
    }
}
