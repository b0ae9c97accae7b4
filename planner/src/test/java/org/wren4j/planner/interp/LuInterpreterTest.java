package org.wren4j.planner.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.library.Programs;

/** CALU run sequentially: P A = L U on random, pivot-hungry, ragged, tall and wide matrices; singular ones fail. */
class LuInterpreterTest {

    /** Runs calu and checks P A = L U, L unit lower, U upper, P a permutation. */
    static void assertLu(double[][] a, int b, int fanIn, String what) {
        int m = a.length;
        int n = a[0].length;
        var in = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", a, b, b, in);
        int mt = Tiles.count(m, b);
        int nt = Tiles.count(n, b);
        int kt = Math.min(mt, nt);
        var out = InterpreterTest.run(Programs.calu(fanIn), Map.of("M", (long) mt, "N", (long) nt), in);
        int[] heights = new int[mt];
        for (int t = 0; t < mt; t++) {
            heights[t] = Math.min(b, m - t * b);
        }
        List<double[][]> pivots = new ArrayList<>();
        int[] widths = new int[kt];
        for (int k = 0; k < kt; k++) {
            pivots.add(out.get(new ConcreteTile("P", 0, k)));
            widths[k] = DenseOps.cols(out.get(new ConcreteTile("L", k, k)));
        }
        int[] perm = LuPivots.permutation(pivots, heights);
        var seen = new HashSet<Integer>();
        for (int p : perm) {
            seen.add(p);
        }
        assertThat(seen).as("permutation " + what).hasSize(m);
        double[][] l = LuPivots.standardL(Tiles.assemble(out, "L", mt, kt), pivots, heights, widths);
        double[][] u = Tiles.assemble(out, "U", kt, nt);
        int kk = Math.min(m, n);
        assertThat(l[0].length).as(what).isEqualTo(kk);
        assertThat(u.length).as(what).isEqualTo(kk);
        for (int i = 0; i < m; i++) {
            for (int j = i; j < kk; j++) {
                assertThat(l[i][j]).as("L unit lower at (%d, %d) %s", i, j, what).isEqualTo(i == j ? 1.0 : 0.0);
            }
        }
        for (int i = 0; i < kk; i++) {
            for (int j = 0; j < i; j++) {
                assertThat(u[i][j]).as("U upper at (%d, %d) %s", i, j, what).isZero();
            }
        }
        double[][] pa = new double[m][];
        for (int r = 0; r < m; r++) {
            pa[r] = a[perm[r]];
        }
        double err = QrInterpreterTest.frobenius(DenseOps.addScaled(pa, -1, DenseOps.multiply(l, u)));
        assertThat(err / QrInterpreterTest.frobenius(a)).as("||PA - LU|| / ||A|| " + what).isLessThan(1e-12);
    }

    @Test
    void randomRaggedSquareTallAndWideMatrices() {
        Random r = new Random(21);
        for (int trial = 0; trial < 18; trial++) {
            int b = 1 + r.nextInt(3);
            int n = 1 + r.nextInt(10);
            int m = switch (trial % 3) {
                case 0 -> n;
                case 1 -> n + r.nextInt(8);
                default -> Math.max(1, n - r.nextInt(5));
            };
            assertLu(InterpreterTest.random(r, m, n), b, trial % 2 == 0 ? 2 : 4, "random m=" + m + " n=" + n + " b=" + b);
        }
    }

    @Test
    void matricesThatNeedPivoting() {
        Random r = new Random(22);
        // zero leading entries everywhere in the first tile column's top tile
        double[][] a = InterpreterTest.random(r, 9, 9);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = 0;
            }
        }
        assertLu(a, 3, 2, "zero top-left tile");
        // a permutation matrix: every pivot row sits in another tile
        double[][] p = new double[8][8];
        int[] sigma = {5, 7, 0, 6, 2, 1, 4, 3};
        for (int i = 0; i < 8; i++) {
            p[i][sigma[i]] = 1;
        }
        assertLu(p, 3, 2, "permutation");
        assertLu(p, 2, 4, "permutation");
        // tiny leading pivot: without pivoting L would hold 1e20
        double[][] t = InterpreterTest.random(r, 7, 7);
        t[0][0] = 1e-20;
        assertLu(t, 2, 2, "tiny pivot");
        // block anti-diagonal: panel k's pivots all come from the last tile row
        double[][] anti = new double[6][6];
        double[][] x = InterpreterTest.random(r, 6, 6);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                if (i / 2 + j / 2 == 2) {
                    anti[i][j] = x[i][j] + (i % 2 == j % 2 ? 3 : 0);
                }
            }
        }
        assertLu(anti, 2, 2, "block anti-diagonal");
    }

    @Test
    void tournamentLeafAndMergeSelectPartialPivotingRows() {
        // GEPP on [[1, 2], [4, 1], [2, 5]]: pivot 4 (row 1), then the rest's column 1 after elimination:
        // row 0: 2 - 0.25 * 1 = 1.75, row 2: 5 - 0.5 * 1 = 4.5, so row 2.
        double[][] tile = {{1, 2}, {4, 1}, {2, 5}};
        double[][] cand = ReferenceKernels.apply("lu_cand", List.<double[][]>of(tile), new double[] {3}).get(0);
        assertThat(cand).isDeepEqualTo(new double[][] {{3, 1, 4, 1}, {3, 2, 2, 5}});
        double[][] other = {{3, 0, 0, -9}, {5, 1, 1, 1}};
        double[][] merged = ReferenceKernels.apply("lu_cand_merge", List.of(cand, other), new double[0]).get(0);
        assertThat(merged).isDeepEqualTo(new double[][] {{3, 1, 4, 1}, {3, 0, 0, -9}});
    }

    @Test
    void singularMatrixFailsInTheDiagonalKernel() {
        Random r = new Random(23);
        double[][] a = InterpreterTest.random(r, 7, 7);
        for (double[] row : a) {
            row[4] = 0; // a zero column: the pivot of column 4 is exactly zero
        }
        var in = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", a, 2, 2, in);
        assertThatThrownBy(() -> InterpreterTest.run(Programs.calu(2), Map.of("M", 4L, "N", 4L), in))
                .hasMessageContaining("lu_diag")
                .hasMessageContaining("singular")
                .hasMessageContaining("tile column 2");
    }
}
