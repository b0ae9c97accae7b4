package org.wren4j.planner.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.library.Programs;
import org.wren4j.planner.library.ReduceOp;
import org.wren4j.planner.library.Triangular;

/**
 * The checks catch a deliberately wrong index expression: every off-by-one mutant of an input
 * index of a program either fails validation, fails to run (reads a missing tile, never becomes
 * ready) or computes a wrong result. The reduction tree's indices are mutated through
 * {@code Reduce}'s leaf terms; its internal indices are covered by the property test.
 */
class MutationTest {

    /** Inputs and expected result of one run. */
    private record Scenario(Map<String, Long> args, Map<ConcreteTile, double[][]> in, Function<Map<ConcreteTile, double[][]>, Boolean> correct) {
        boolean passes(Program p) {
            try {
                return correct.apply(Interpreter.run(ProgramAnalysis.of(p, args), in));
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    private static int killed(Program p, Map<String, Long> args, Map<ConcreteTile, double[][]> in,
                              Function<Map<ConcreteTile, double[][]>, Boolean> correct) {
        return killed(p, new Scenario(args, in, correct));
    }

    /** A mutant is killed when some scenario fails on it. */
    private static int killed(Program p, Scenario... scenarios) {
        for (Scenario s : scenarios) {
            assertThat(s.passes(p)).as("unmutated %s%s", p.name(), s.args()).isTrue();
        }
        int mutants = 0;
        for (Program m : Mutants.of(p)) {
            mutants++;
            boolean survived = true;
            for (Scenario s : scenarios) {
                survived &= s.passes(m);
            }
            assertThat(survived).as("mutant survived:%n%s", m).isFalse();
        }
        return mutants;
    }

    @Test
    void everyMutantOfCholeskyGemmTrsmAndReductionsIsKilled() {
        Random r = new Random(7);
        int b = 2;
        double[][] a = InterpreterTest.spd(r, 9);
        var in = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", a, b, b, in);
        int total = killed(Programs.cholesky(), Map.of("N", 5L), in,
                out -> DenseOps.maxAbsDiff(Tiles.assemble(out, "O", 5, 5), DenseOps.cholesky(a)) < 1e-9);

        double[][] x = InterpreterTest.random(r, 7, 9);
        double[][] y = InterpreterTest.random(r, 9, 5);
        var gin = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", x, b, b, gin);
        Tiles.split("B", y, b, b, gin);
        double[][] x1 = InterpreterTest.random(r, 7, 2);
        double[][] y1 = InterpreterTest.random(r, 2, 5);
        var gin1 = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", x1, b, b, gin1);
        Tiles.split("B", y1, b, b, gin1);
        for (Program p : new Program[] {Programs.gemm(2), Programs.gemmChain()}) {
            // K = 5 runs the accumulating statements, K = 1 the single-product one
            total += killed(p,
                    new Scenario(Map.of("M", 4L, "N", 3L, "K", 5L), gin,
                            out -> DenseOps.maxAbsDiff(Tiles.assemble(out, "C", 4, 3), DenseOps.multiply(x, y)) < 1e-9),
                    new Scenario(Map.of("M", 4L, "N", 3L, "K", 1L), gin1,
                            out -> DenseOps.maxAbsDiff(Tiles.assemble(out, "C", 4, 3), DenseOps.multiply(x1, y1)) < 1e-9));
        }

        for (Triangular t : new Triangular[] {new Triangular(Triangular.Side.LEFT, true, false), new Triangular(Triangular.Side.RIGHT, false, true)}) {
            double[][] tri = DenseOps.triangle(InterpreterTest.random(r, 7, 7), t.lower());
            for (int i = 0; i < 7; i++) {
                tri[i][i] = 3;
            }
            double[][] rhs = InterpreterTest.random(r, 7, 7);
            var tin = new HashMap<ConcreteTile, double[][]>();
            Tiles.split("T", tri, b, b, tin);
            Tiles.split("B", rhs, b, b, tin);
            double[][] op = t.transpose() ? DenseOps.transpose(tri) : tri;
            boolean left = t.side() == Triangular.Side.LEFT;
            total += killed(Programs.trsm(t), Map.of("N", 4L, "R", 4L), tin, out -> {
                double[][] sol = Tiles.assemble(out, "X", 4, 4);
                double[][] back = left ? DenseOps.multiply(op, sol) : DenseOps.multiply(sol, op);
                return DenseOps.maxAbsDiff(back, rhs) < 1e-9;
            });
        }

        var rin = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("X", x, b, b, rin);
        total += killed(Programs.rowReduce(ReduceOp.SUM, 2), Map.of("M", 4L, "N", 5L), rin,
                out -> DenseOps.maxAbsDiff(Tiles.assemble(out, "Y", 4, 1), DenseReductions.rows(x, ReduceOp.SUM)) < 1e-9);
        assertThat(total).isGreaterThan(30);
    }
}
