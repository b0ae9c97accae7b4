package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.wren4j.planner.plan.Dense.t;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Singular values through the band reduction, against matrices built with known singular values. */
class SvdTest extends EmbeddedSessionTest {
    private final Random random = new Random(8);

    /** A reflector I - 2 v v^T / |v|^2 applied to the rows (left) of a. */
    private double[][] reflectRows(double[][] a) {
        int m = a.length;
        double[] v = new double[m];
        double norm = 0;
        for (int i = 0; i < m; i++) {
            v[i] = random.nextDouble() - 0.5;
            norm += v[i] * v[i];
        }
        for (int j = 0; j < a[0].length; j++) {
            double d = 0;
            for (int i = 0; i < m; i++) {
                d += v[i] * a[i][j];
            }
            for (int i = 0; i < m; i++) {
                a[i][j] -= 2 * d / norm * v[i];
            }
        }
        return a;
    }

    /** U diag(s) V^T with orthogonal U, V (products of three reflectors each): singular values s. */
    private double[][] withSingularValues(int m, int n, double[] s) {
        double[][] a = new double[m][n];
        for (int i = 0; i < s.length; i++) {
            a[i][i] = s[i];
        }
        for (int r = 0; r < 3; r++) {
            a = reflectRows(a);
        }
        a = t(a);
        for (int r = 0; r < 3; r++) {
            a = reflectRows(a);
        }
        return t(a);
    }

    private static double[] descending(int n) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 10.0 / (1 + i) + (i == n - 1 ? 0 : 0.01);
        }
        return s;
    }

    private void assertSingularValues(int m, int n, int b) {
        int k = Math.min(m, n);
        double[] s = descending(k);
        double[] got = wren.fromArray(withSingularValues(m, n, s), b).singularValues();
        assertThat(got).as("%dx%d block %d", m, n, b).containsExactly(s, offset(1e-12));
    }

    @Test
    void squareTallWideAndRagged() {
        assertSingularValues(29, 29, 8);
        assertSingularValues(32, 32, 8);
        assertSingularValues(5, 5, 8);
        assertSingularValues(41, 13, 4);
        assertSingularValues(11, 30, 4);
    }

    @Test
    void kLargestAndARankDeficientMatrix() {
        double[] s = {7, 4, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        BlockMatrix a = wren.fromArray(withSingularValues(19, 19, s), 4);
        assertThat(a.singularValues(2)).containsExactly(new double[] {7, 4}, offset(1e-12));
        assertThat(a.singularValues()[3]).isCloseTo(0, offset(1e-12));
        assertThatThrownBy(() -> a.singularValues(20)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 19");
    }

    @Test
    void bandChaseAndBisectionMatchJacobi() {
        for (int[] c : new int[][] {{1, 3}, {2, 1}, {7, 1}, {7, 2}, {13, 4}, {13, 12}, {30, 5}, {31, 8}, {9, 20}}) {
            int n = c[0];
            int w = c[1];
            double[][] band = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i; j <= Math.min(n - 1, i + w); j++) {
                    band[i][j] = random.nextDouble() - 0.5;
                }
            }
            double[] want = BandSvd.jacobi(band);
            double[][] work = new double[n][];
            for (int i = 0; i < n; i++) {
                work[i] = band[i].clone();
            }
            BandSvd.toBidiagonal(work, w);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (j != i && j != i + 1) {
                        assertThat(work[i][j]).as("n %d, w %d: (%d, %d) outside the bidiagonal", n, w, i, j).isZero();
                    }
                }
            }
            assertThat(BandSvd.bidiagonalSingularValues(work, n)).as("n %d, w %d", n, w).containsExactly(want, offset(1e-13));
        }
    }

    @Test
    void jacobiOnAKnownMatrix() {
        assertThat(BandSvd.jacobi(new double[][] {{3, 0}, {4, 5}})).containsExactly(new double[] {3 * Math.sqrt(5), Math.sqrt(5)}, offset(1e-14));
    }
}
