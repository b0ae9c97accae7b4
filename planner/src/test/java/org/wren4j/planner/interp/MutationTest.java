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

    private static boolean qrHolds(Map<ConcreteTile, double[][]> out, double[][] a, int b, int mt, int nt) {
        double[][] rf = Tiles.assemble(out, "R", Math.min(mt, nt), nt);
        for (int i = 0; i < rf.length; i++) {
            for (int j = 0; j < Math.min(i, rf[0].length); j++) {
                if (rf[i][j] != 0) {
                    return false;
                }
            }
        }
        double[][] rr = java.util.Arrays.copyOf(rf, Math.min(a.length, a[0].length));
        return DenseOps.maxAbsDiff(DenseOps.multiply(DenseOps.transpose(rr), rr), DenseOps.multiply(DenseOps.transpose(a), a)) < 1e-9;
    }

    @Test
    void everyMutantOfTheQrLuAndBandProgramsIsKilled() {
        Random r = new Random(17);
        int b = 2;
        int total = 0;
        // CAQR: a square grid (the last panel is a single leaf), a tall one (trees of 3 levels) and a
        // wide one (a single-leaf panel with columns to update)
        double[][] sq = InterpreterTest.random(r, 7, 7);
        double[][] wide = InterpreterTest.random(r, 3, 7);
        var wideIn = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", wide, b, b, wideIn);
        double[][] tall = InterpreterTest.random(r, 17, 5);
        var sqIn = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", sq, b, b, sqIn);
        var tallIn = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", tall, b, b, tallIn);
        total += killed(Programs.caqr(),
                new Scenario(Map.of("M", 4L, "N", 4L), sqIn, out -> qrHolds(out, sq, b, 4, 4)),
                new Scenario(Map.of("M", 9L, "N", 3L), tallIn, out -> qrHolds(out, tall, b, 9, 3)),
                new Scenario(Map.of("M", 2L, "N", 4L), wideIn, out -> qrHolds(out, wide, b, 2, 4)));

        // caqr_q and tsqr_q: Q [I; 0] must be the Q of the factorization
        for (boolean tsqr : new boolean[] {false, true}) {
            double[][] a = tsqr ? InterpreterTest.random(r, 13, 2) : tall;
            var in = new HashMap<ConcreteTile, double[][]>();
            Tiles.split("A", a, b, b, in);
            long mt = Tiles.count(a.length, b);
            long nt = Tiles.count(a[0].length, b);
            var fout = InterpreterTest.run(tsqr ? Programs.tsqrFactors() : Programs.caqr(),
                    tsqr ? Map.of("M", mt) : Map.of("M", mt, "N", nt), in);
            double[][] rr = Tiles.assemble(fout, "R", (int) nt, (int) nt);
            var qin = new HashMap<ConcreteTile, double[][]>();
            fout.forEach((t, v) -> {
                if (t.matrix().startsWith("H")) {
                    qin.put(t, v);
                }
            });
            Tiles.split("B", QrInterpreterTest.thinIdentity(a.length, a[0].length), b, b, qin);
            var args = tsqr ? Map.of("M", mt, "R", nt) : Map.of("M", mt, "N", nt, "R", nt);
            total += killed(tsqr ? Programs.tsqrQ() : Programs.caqrQ(), args, qin, out -> {
                double[][] q = Tiles.assemble(out, "Y", (int) mt, (int) nt);
                return DenseOps.maxAbsDiff(DenseOps.multiply(q, java.util.Arrays.copyOf(rr, a[0].length)), a) < 1e-9;
            });
        }

        // CALU on a matrix whose pivots come from other tiles
        double[][] lu = InterpreterTest.random(r, 9, 9);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                lu[i][j] *= 1e-3;
            }
        }
        var luIn = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", lu, b, b, luIn);
        // and a tall ragged one, whose last diagonal tile has rows below its pivot block
        double[][] luTall = InterpreterTest.random(r, 9, 7);
        var luTallIn = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", luTall, b, b, luTallIn);
        total += killed(Programs.calu(2),
                new Scenario(Map.of("M", 5L, "N", 5L), luIn, out -> luHolds(out, lu, b)),
                new Scenario(Map.of("M", 5L, "N", 4L), luTallIn, out -> luHolds(out, luTall, b)));

        // BDFAC: band and Frobenius norm (orthogonal transformations keep it)
        double[][] sv = InterpreterTest.random(r, 9, 9);
        var bin = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", sv, b, b, bin);
        double[] expected = BdfacInterpreterTest.singularValues(sv);
        total += killed(Programs.bdfac(), Map.of("N", 5L), bin, out -> {
            double[][] band = Tiles.assemble(out, "B", 5, 5);
            double[] actual = BdfacInterpreterTest.singularValues(band);
            for (int i = 0; i < actual.length; i++) {
                if (Math.abs(actual[i] - expected[i]) > 1e-9) {
                    return false;
                }
            }
            return true;
        });
        assertThat(total).isGreaterThan(60);
    }

    private static boolean luHolds(Map<ConcreteTile, double[][]> out, double[][] a, int b) {
        int mt = Tiles.count(a.length, b);
        int kt = Math.min(mt, Tiles.count(a[0].length, b));
        int[] heights = new int[mt];
        var pivots = new java.util.ArrayList<double[][]>();
        int[] widths = new int[kt];
        for (int t = 0; t < mt; t++) {
            heights[t] = Math.min(b, a.length - t * b);
        }
        for (int t = 0; t < kt; t++) {
            pivots.add(out.get(new ConcreteTile("P", 0, t)));
            widths[t] = DenseOps.cols(out.get(new ConcreteTile("L", t, t)));
        }
        int[] perm = LuPivots.permutation(pivots, heights);
        double[][] l = LuPivots.standardL(Tiles.assemble(out, "L", mt, kt), pivots, heights, widths);
        double[][] u = Tiles.assemble(out, "U", kt, Tiles.count(a[0].length, b));
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < i; j++) {
                if (u[i][j] != 0 || l[j][i] != 0) {
                    return false;
                }
            }
        }
        double[][] pa = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            pa[i] = a[perm[i]];
        }
        return DenseOps.maxAbsDiff(pa, DenseOps.multiply(l, u)) < 1e-9;
    }
}
