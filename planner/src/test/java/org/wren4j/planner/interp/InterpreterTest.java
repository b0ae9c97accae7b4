package org.wren4j.planner.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wren4j.planner.interp.DenseOps.multiply;
import static org.wren4j.planner.interp.DenseOps.transpose;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.library.Programs;
import org.wren4j.planner.library.ReduceOp;
import org.wren4j.planner.library.Triangular;

/** Sequential interpretation of each program on small dense matrices equals a naive dense computation. */
class InterpreterTest {
    static final double TOL = 1e-9;

    static double[][] random(Random r, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextDouble() * 2 - 1;
            }
        }
        return a;
    }

    static double[][] spd(Random r, int n) {
        double[][] x = random(r, n, n);
        double[][] a = multiply(x, transpose(x));
        for (int i = 0; i < n; i++) {
            a[i][i] += n;
        }
        return a;
    }

    /** Runs {@code p} with the given inputs (already tiled) and returns the store. */
    static Map<ConcreteTile, double[][]> run(Program p, Map<String, Long> args, Map<ConcreteTile, double[][]> in) {
        return Interpreter.run(ProgramAnalysis.of(p, args), in);
    }

    static void assertClose(double[][] actual, double[][] expected, String what) {
        assertThat(DenseOps.maxAbsDiff(actual, expected)).as(what).isLessThan(TOL * Math.max(1, expected.length));
    }

    @Test
    void gemmTreeAndChainMultiply() {
        Random r = new Random(1);
        for (int trial = 0; trial < 12; trial++) {
            int bm = 1 + r.nextInt(3);
            int bk = 1 + r.nextInt(3);
            int bn = 1 + r.nextInt(3);
            int m = 1 + r.nextInt(9);
            int k = 1 + r.nextInt(14);
            int n = 1 + r.nextInt(9);
            double[][] a = random(r, m, k);
            double[][] b = random(r, k, n);
            for (Program p : new Program[] {Programs.gemm(2), Programs.gemm(4), Programs.gemm(), Programs.gemmChain()}) {
                var in = new HashMap<ConcreteTile, double[][]>();
                Tiles.split("A", a, bm, bk, in);
                Tiles.split("B", b, bk, bn, in);
                var args = Map.of("M", (long) Tiles.count(m, bm), "N", (long) Tiles.count(n, bn), "K", (long) Tiles.count(k, bk));
                var out = run(p, args, in);
                assertClose(Tiles.assemble(out, "C", Tiles.count(m, bm), Tiles.count(n, bn)), multiply(a, b), p.name() + args);
            }
        }
    }

    @Test
    void gramComputesLowerTilesOfXtX() {
        Random r = new Random(2);
        for (int trial = 0; trial < 8; trial++) {
            int b = 1 + r.nextInt(3);
            int m = 1 + r.nextInt(12);
            int n = 1 + r.nextInt(8);
            double[][] x = random(r, m, n);
            var in = new HashMap<ConcreteTile, double[][]>();
            Tiles.split("X", x, b, b, in);
            int nt = Tiles.count(n, b);
            var out = run(Programs.gram(2), Map.of("M", (long) Tiles.count(m, b), "N", (long) nt), in);
            var expected = new HashMap<ConcreteTile, double[][]>();
            Tiles.split("C", multiply(transpose(x), x), b, b, expected);
            for (int i = 0; i < nt; i++) {
                for (int j = 0; j < nt; j++) {
                    ConcreteTile t = new ConcreteTile("C", i, j);
                    if (j <= i) {
                        assertClose(out.get(t), expected.get(t), "gram tile " + t);
                    } else {
                        assertThat(out).doesNotContainKey(t);
                    }
                }
            }
        }
    }

    @Test
    void choleskyFactors() {
        Random r = new Random(3);
        for (int trial = 0; trial < 8; trial++) {
            int b = 1 + r.nextInt(3);
            int n = 1 + r.nextInt(14);
            double[][] a = spd(r, n);
            var in = new HashMap<ConcreteTile, double[][]>();
            Tiles.split("A", a, b, b, in);
            int nt = Tiles.count(n, b);
            var out = run(Programs.cholesky(), Map.of("N", (long) nt), in);
            assertClose(Tiles.assemble(out, "O", nt, nt), DenseOps.cholesky(a), "cholesky n=" + n + " b=" + b);
        }
    }

    @Test
    void triangularSolvesAllVariantsWithMatrixAndVectorRightHandSides() {
        Random r = new Random(4);
        for (Triangular.Side side : Triangular.Side.values()) {
            for (boolean lower : new boolean[] {true, false}) {
                for (boolean trans : new boolean[] {false, true}) {
                    var t = new Triangular(side, lower, trans);
                    for (int trial = 0; trial < 4; trial++) {
                        int b = 1 + r.nextInt(3);
                        int n = 1 + r.nextInt(10);
                        boolean vector = trial % 2 == 0;
                        int nrhs = vector ? 1 : 1 + r.nextInt(7);
                        int rb = vector ? 1 : 1 + r.nextInt(3);
                        double[][] tri = DenseOps.triangle(random(r, n, n), lower);
                        for (int i = 0; i < n; i++) {
                            tri[i][i] = 2 + r.nextDouble();
                        }
                        boolean left = side == Triangular.Side.LEFT;
                        double[][] rhs = left ? random(r, n, nrhs) : random(r, nrhs, n);
                        var in = new HashMap<ConcreteTile, double[][]>();
                        Tiles.split("T", tri, b, b, in);
                        if (left) {
                            Tiles.split("B", rhs, b, rb, in);
                        } else {
                            Tiles.split("B", rhs, rb, b, in);
                        }
                        long nt = Tiles.count(n, b);
                        long rt = Tiles.count(nrhs, rb);
                        var out = run(Programs.trsm(t), Map.of("N", nt, "R", rt), in);
                        double[][] x = left ? Tiles.assemble(out, "X", (int) nt, (int) rt) : Tiles.assemble(out, "X", (int) rt, (int) nt);
                        double[][] op = trans ? transpose(tri) : tri;
                        double[][] back = left ? multiply(op, x) : multiply(x, op);
                        assertClose(back, rhs, t.programName() + " n=" + n + " b=" + b + " rhs=" + nrhs);
                    }
                }
            }
        }
    }

    @Test
    void elementwiseMapZipTranspose() {
        Random r = new Random(5);
        int m = 7;
        int n = 5;
        double[][] x = random(r, m, n);
        double[][] y = random(r, m, n);
        var in = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("X", x, 3, 2, in);
        Tiles.split("Y", y, 3, 2, in);
        var args = Map.of("M", 3L, "N", 3L);
        var onlyX = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("X", x, 3, 2, onlyX);
        var scaled = Tiles.assemble(run(Programs.map("map_scale", 3.0), args, onlyX), "Y", 3, 3);
        assertClose(scaled, DenseOps.addScaled(DenseOps.zeros(m, n), 3, x), "map_scale");
        var z = Tiles.assemble(run(Programs.zip("zip_axpby", 2.0, -1.0), args, in), "Z", 3, 3);
        assertClose(z, DenseOps.addScaled(DenseOps.addScaled(DenseOps.zeros(m, n), 2, x), -1, y), "zip_axpby");
        var xt = Tiles.assemble(run(Programs.transpose(), args, onlyX), "Y", 3, 3);
        assertClose(xt, transpose(x), "transpose");
    }

    @Test
    void rowAndColumnReductions() {
        Random r = new Random(6);
        for (int trial = 0; trial < 6; trial++) {
            int b = 1 + r.nextInt(3);
            int m = 1 + r.nextInt(10);
            int n = 1 + r.nextInt(12);
            double[][] x = random(r, m, n);
            x[r.nextInt(m)][r.nextInt(n)] = x[0][0]; // a tie somewhere
            var in = new HashMap<ConcreteTile, double[][]>();
            Tiles.split("X", x, b, b, in);
            long mt = Tiles.count(m, b);
            long nt = Tiles.count(n, b);
            for (ReduceOp op : ReduceOp.values()) {
                for (int fan : new int[] {2, 4}) {
                    var args = new HashMap<String, Long>(Map.of("M", mt, "N", nt));
                    if (op.indexed()) {
                        args.put("NB", (long) b);
                    }
                    var rows = Tiles.assemble(run(Programs.rowReduce(op, fan), args, in), "Y", (int) mt, 1);
                    assertClose(rows, DenseReductions.rows(x, op), "row " + op + " fan-in " + fan);
                    var cols = Tiles.assemble(run(Programs.colReduce(op, fan), args, in), "Y", 1, (int) nt);
                    assertClose(cols, transpose(DenseReductions.rows(transpose(x), op)), "col " + op + " fan-in " + fan);
                }
            }
        }
    }
}
