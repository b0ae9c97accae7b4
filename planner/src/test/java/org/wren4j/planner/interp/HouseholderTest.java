package org.wren4j.planner.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wren4j.planner.interp.DenseOps.multiply;
import static org.wren4j.planner.interp.DenseOps.transpose;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Householder representation of the QR kernels, checked hard: numpywren's QR leaf kernel
 * was wrong at its last commit. Every factorization is checked against independent
 * definitions: V unit lower trapezoidal, T upper triangular with tau on its diagonal, Q = I - V T V^T
 * equal to the product of the individual reflectors, orthogonal, Q^T A upper trapezoidal and
 * A = Q (Q^T A), on random, tall, wide, triangular, rank-deficient, zero and badly scaled tiles.
 */
class HouseholderTest {
    private static final double TOL = 1e-12;

    static double[][] identity(int n) {
        double[][] e = new double[n][n];
        for (int i = 0; i < n; i++) {
            e[i][i] = 1;
        }
        return e;
    }

    private static void close(double[][] actual, double[][] expected, double scale, String what) {
        assertThat(DenseOps.maxAbsDiff(actual, expected)).as(what).isLessThanOrEqualTo(TOL * Math.max(1, scale) * (1 + actual.length));
    }

    private static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            for (double x : row) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    /** Matrices that stress the reflector generation, plus random ones of every small shape. */
    static List<double[][]> cases(Random r) {
        var out = new ArrayList<double[][]>();
        for (int m = 1; m <= 7; m++) {
            for (int n = 1; n <= 7; n++) {
                out.add(InterpreterTest.random(r, m, n));
            }
        }
        out.add(new double[4][3]); // zero: every tau is 0
        out.add(DenseOps.triangle(InterpreterTest.random(r, 5, 5), false)); // already triangular
        double[][] negTri = DenseOps.triangle(InterpreterTest.random(r, 4, 4), false);
        for (int i = 0; i < 4; i++) {
            negTri[i][i] = -1 - i; // triangular with negative diagonal: tau = 0, R keeps the signs
        }
        out.add(negTri);
        double[][] dup = InterpreterTest.random(r, 6, 4);
        for (double[] row : dup) {
            row[2] = row[0]; // rank deficient
            row[3] = 0; // zero column
        }
        out.add(dup);
        double[][] zeroLead = InterpreterTest.random(r, 5, 3);
        zeroLead[0][0] = 0; // alpha = 0: beta = -norm
        out.add(zeroLead);
        double[][] onlyBelow = new double[4][2];
        onlyBelow[3][0] = 2; // alpha = 0 and x = (0, 0, 2)
        onlyBelow[1][1] = -3;
        out.add(onlyBelow);
        for (double scale : new double[] {1e-150, 1e150}) {
            double[][] s = InterpreterTest.random(r, 5, 4);
            for (double[] row : s) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= scale;
                }
            }
            out.add(s);
        }
        return out;
    }

    @Test
    void factorMeetsEveryDefinitionOfTheRepresentation() {
        Random r = new Random(11);
        for (double[][] a : cases(r)) {
            int m = a.length;
            int n = a[0].length;
            int k = Math.min(m, n);
            String what = m + "x" + n + " " + java.util.Arrays.deepToString(a);
            Householder.Factor f = Householder.factor(a);
            double[][] v = f.v();
            double[][] t = f.t();
            double scale = maxAbs(a);
            assertThat(v.length).isEqualTo(m);
            assertThat(t.length).isEqualTo(k);
            double[][] q = identity(m);
            for (int j = 0; j < k; j++) {
                assertThat(v[j][j]).as("unit diagonal of V " + what).isEqualTo(1.0);
                for (int i = 0; i < j; i++) {
                    assertThat(v[i][j]).as("V above the diagonal " + what).isZero();
                    assertThat(t[j][i]).as("T below the diagonal " + what).isZero();
                }
                double tau = t[j][j];
                assertThat(tau == 0 || tau >= 1 - 1e-15 && tau <= 2 + 1e-15).as("tau in {0} or [1, 2]: " + tau + " " + what).isTrue();
                // H_j = I - tau v v^T, accumulated Q = H_1 ... H_K
                double[][] hj = identity(m);
                for (int x = 0; x < m; x++) {
                    for (int y = 0; y < m; y++) {
                        hj[x][y] -= tau * v[x][j] * v[y][j];
                    }
                }
                q = multiply(q, hj);
            }
            double[][] packed = f.packed();
            double[][] qq = Householder.explicitQ(packed);
            close(qq, q, 1, "I - V T V^T equals the product of the reflectors " + what);
            close(multiply(transpose(q), q), identity(m), 1, "Q orthogonal " + what);
            double[][] qta = f.qta();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < Math.min(i, n); j++) {
                    assertThat(qta[i][j]).as("exact zero below the diagonal of R " + what).isZero();
                }
            }
            close(multiply(q, qta), a, scale, "A = Q R " + what);
            close(multiply(transpose(q), a), qta, scale, "Q^T A = R " + what);
            // the kernels apply Q and Q^T as the explicit matrix does
            double[][] c = InterpreterTest.random(r, m, 3);
            close(Householder.apply(packed, c, true), multiply(transpose(q), c), 1, "apply Q^T " + what);
            close(Householder.apply(packed, c, false), multiply(q, c), 1, "apply Q " + what);
            // |R| matches the non-negative R of qr_r row by row (same factorization up to signs)
            if (m >= n) {
                double[][] rr = QrKernels.r(a);
                for (int i = 0; i < n; i++) {
                    double sign = qta[i][i] < 0 ? -1 : 1;
                    for (int j = 0; j < n; j++) {
                        assertThat(Math.abs(sign * qta[i][j] - rr[i][j])).as("R row %d vs qr_r %s", i, what)
                                .isLessThanOrEqualTo(1e-10 * Math.max(1, scale));
                    }
                }
            }
        }
    }

    @Test
    void triangularColumnsGiveIdentityReflectorsAndKeepTheirSigns() {
        double[][] a = {{-2, 1}, {0, 3}, {0, 0}};
        Householder.Factor f = Householder.factor(a);
        assertThat(f.t()[0][0]).isZero();
        assertThat(f.t()[1][1]).isZero();
        assertThat(f.qta()).isDeepEqualTo(a);
        // alpha > 0 with something below: beta = -norm, so R[0][0] < 0 (dgeqrt's sign)
        Householder.Factor g = Householder.factor(new double[][] {{3}, {4}});
        assertThat(g.qta()[0][0]).isCloseTo(-5, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(g.t()[0][0]).isCloseTo(1.6, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(g.v()[1][0]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void pairKernelsFactorTheStackAndLqKernelsAreTheTransposes() {
        Random r = new Random(12);
        for (int trial = 0; trial < 30; trial++) {
            int w = 1 + r.nextInt(5);
            int h1 = w + r.nextInt(3);
            int h2 = 1 + r.nextInt(6);
            double[][] top = QrKernels.apply("qr_factor", List.<double[][]>of(InterpreterTest.random(r, h1, w)), new double[0]).get(0);
            double[][] bot = QrKernels.apply("qr_factor", List.<double[][]>of(InterpreterTest.random(r, h2, w)), new double[0]).get(0);
            double[][] stacked = QrKernels.stack(List.<double[][]>of(top, bot));
            var pf = QrKernels.apply("qr_pair_factor", List.<double[][]>of(top, bot), new double[0]);
            Householder.Factor whole = Householder.factor(stacked);
            assertThat(pf.get(1)).isDeepEqualTo(whole.packed());
            assertThat(pf.get(0)).isDeepEqualTo(java.util.Arrays.copyOf(whole.qta(), h1));
            for (int i = h1; i < h1 + h2; i++) {
                for (double x : whole.qta()[i]) {
                    assertThat(x).isZero();
                }
            }
            double[][] ct = InterpreterTest.random(r, h1, 3);
            double[][] cb = InterpreterTest.random(r, h2, 3);
            double[][] q = Householder.explicitQ(pf.get(1));
            var qt = QrKernels.apply("qr_pair_qt", List.of(pf.get(1), ct, cb), new double[0]);
            close(QrKernels.stack(qt), multiply(transpose(q), QrKernels.stack(List.<double[][]>of(ct, cb))), 1, "pair Q^T");
            var qn = QrKernels.apply("qr_pair_q", List.of(pf.get(1), ct, cb), new double[0]);
            close(QrKernels.stack(qn), multiply(q, QrKernels.stack(List.<double[][]>of(ct, cb))), 1, "pair Q");

            // LQ: lq_factor(A) = (A Q, H) with A = [L 0] Q^T
            double[][] a = InterpreterTest.random(r, w, h1);
            var lf = QrKernels.apply("lq_factor", List.<double[][]>of(a), new double[0]);
            double[][] ql = Householder.explicitQ(lf.get(1));
            close(multiply(a, ql), lf.get(0), 1, "A Q = L");
            for (int i = 0; i < w; i++) {
                for (int j = i + 1; j < h1; j++) {
                    assertThat(lf.get(0)[i][j]).as("L lower trapezoidal").isZero();
                }
            }
            double[][] c = InterpreterTest.random(r, 4, h1);
            close(QrKernels.apply("lq_leaf_apply", List.of(lf.get(1), c), new double[0]).get(0), multiply(c, ql), 1, "C Q");
            var lp = QrKernels.apply("lq_pair_factor", List.of(transpose(top), transpose(bot)), new double[0]);
            assertThat(lp.get(0)).isDeepEqualTo(transpose(pf.get(0)));
            var la = QrKernels.apply("lq_pair_apply", List.of(pf.get(1), transpose(ct), transpose(cb)), new double[0]);
            close(la.get(0), transpose(qt.get(0)), 1, "lq pair apply left");
            close(la.get(1), transpose(qt.get(1)), 1, "lq pair apply right");
        }
    }

    @Test
    void pairFactorRejectsATopTileShorterThanR() {
        assertThatThrownBy(() -> QrKernels.apply("qr_pair_factor", List.<double[][]>of(new double[1][3], new double[3][3]), new double[0]))
                .hasMessageContaining("at least as tall");
    }
}
