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

    /** The first {@code cols} columns of the m x m identity. */
    static double[][] thinIdentity(int m, int cols) {
        double[][] e = new double[m][cols];
        for (int i = 0; i < Math.min(m, cols); i++) {
            e[i][i] = 1;
        }
        return e;
    }

    /** Checks A = Q R, Q^T Q = I, R upper triangular and R^T R = A^T A; {@code r} may have zero rows below. */
    static void assertQr(double[][] a, double[][] q, double[][] rAll, String what) {
        int m = a.length;
        int n = a[0].length;
        int kk = Math.min(m, n);
        assertThat(q.length).as(what).isEqualTo(m);
        assertThat(q[0].length).as(what).isEqualTo(kk);
        assertThat(rAll[0].length).as(what).isEqualTo(n);
        for (int i = 0; i < rAll.length; i++) {
            for (int j = 0; j < Math.min(i, n); j++) {
                assertThat(rAll[i][j]).as("R below the diagonal at (%d, %d) %s", i, j, what).isZero();
            }
            if (i >= kk) {
                for (int j = 0; j < n; j++) {
                    assertThat(rAll[i][j]).as("R row %d past min(m, n) %s", i, what).isZero();
                }
            }
        }
        double[][] r = java.util.Arrays.copyOf(rAll, kk);
        double norm = Math.max(1e-300, frobenius(a));
        assertThat(frobenius(DenseOps.addScaled(a, -1, DenseOps.multiply(q, r))) / norm).as("||A - QR|| / ||A|| " + what).isLessThan(1e-13);
        InterpreterTest.assertClose(DenseOps.multiply(DenseOps.transpose(q), q), HouseholderTest.identity(kk), "Q^T Q = I " + what);
        InterpreterTest.assertClose(DenseOps.multiply(DenseOps.transpose(r), r), DenseOps.multiply(DenseOps.transpose(a), a), "R^T R = A^T A " + what);
    }

    static double frobenius(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double x : row) {
                s = Math.hypot(s, x);
            }
        }
        return s;
    }

    @Test
    void tsqrWithFactorsGivesRAndItsTreeFormsQ() {
        Random r = new Random(9);
        for (int trial = 0; trial < 14; trial++) {
            int n = 1 + r.nextInt(4);
            int b = n + r.nextInt(3);
            int m = n + r.nextInt(40);
            double[][] a = InterpreterTest.random(r, m, n);
            if (trial % 4 == 1) {
                a[0][0] = 0; // a zero leading entry
            }
            var in = new HashMap<ConcreteTile, double[][]>();
            Tiles.split("A", a, b, n, in);
            long mt = Tiles.count(m, b);
            var out = InterpreterTest.run(Programs.tsqrFactors(), Map.of("M", mt), in);
            double[][] rf = out.get(new ConcreteTile("R", 0, 0));
            var qin = new HashMap<ConcreteTile, double[][]>();
            out.forEach((t, v) -> {
                if (t.matrix().equals("Hl") || t.matrix().equals("Ht")) {
                    qin.put(t, v);
                }
            });
            Tiles.split("B", thinIdentity(m, n), b, n, qin);
            var qout = InterpreterTest.run(Programs.tsqrQ(), Map.of("M", mt, "R", 1L), qin);
            double[][] q = Tiles.assemble(qout, "Y", (int) mt, 1);
            assertQr(a, q, rf, "tsqr m=" + m + " n=" + n + " b=" + b);
            // |R| is the R of qr_r up to row signs
            double[][] rr = QrKernels.r(a);
            for (int i = 0; i < n; i++) {
                double sign = rf[i][i] < 0 ? -1 : 1;
                for (int j = 0; j < n; j++) {
                    assertThat(Math.abs(sign * rf[i][j] - rr[i][j])).isLessThan(1e-9);
                }
            }
        }
    }

    @Test
    void caqrFactorsSquareTallAndWideRaggedMatrices() {
        Random r = new Random(10);
        for (int trial = 0; trial < 16; trial++) {
            int b = 1 + r.nextInt(3);
            int n = 1 + r.nextInt(10);
            int m = switch (trial % 4) {
                case 0 -> n;
                case 1, 2 -> n + r.nextInt(12);
                default -> Math.max(1, n - r.nextInt(5));
            };
            double[][] a = InterpreterTest.random(r, m, n);
            if (trial % 3 == 0) {
                a[0][0] = 0;
                a[Math.min(1, m - 1)][Math.min(1, n - 1)] = 0;
            }
            assertCaqr(a, b, "caqr m=" + m + " n=" + n + " b=" + b);
        }
    }

    @Test
    void caqrOfARankDeficientMatrixStillGivesAQrFactorization() {
        Random r = new Random(13);
        double[][] a = InterpreterTest.random(r, 9, 6);
        for (double[] row : a) {
            row[4] = row[1] - row[2];
            row[5] = 0;
        }
        assertCaqr(a, 2, "rank deficient");
    }

    static void assertCaqr(double[][] a, int b, String what) {
        int m = a.length;
        int n = a[0].length;
        var in = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", a, b, b, in);
        long mt = Tiles.count(m, b);
        long nt = Tiles.count(n, b);
        var out = InterpreterTest.run(Programs.caqr(), Map.of("M", mt, "N", nt), in);
        long kt = Math.min(mt, nt);
        double[][] rf = Tiles.assemble(out, "R", (int) kt, (int) nt);
        var qin = new HashMap<ConcreteTile, double[][]>();
        out.forEach((t, v) -> {
            if (t.matrix().equals("Hl") || t.matrix().equals("Ht")) {
                qin.put(t, v);
            }
        });
        int kk = Math.min(m, n);
        Tiles.split("B", thinIdentity(m, kk), b, b, qin);
        var qout = InterpreterTest.run(Programs.caqrQ(), Map.of("M", mt, "N", nt, "R", (long) Tiles.count(kk, b)), qin);
        double[][] q = Tiles.assemble(qout, "Y", (int) mt, Tiles.count(kk, b));
        assertQr(a, q, rf, what);
    }
}
