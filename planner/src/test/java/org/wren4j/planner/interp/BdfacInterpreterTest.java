package org.wren4j.planner.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.library.Programs;

/** BDFAC run sequentially: an upper band of bandwidth b with A's singular values. */
class BdfacInterpreterTest {

    /** Singular values, descending, by one-sided Jacobi rotations of the columns. */
    static double[] singularValues(double[][] a) {
        double[][] u = DenseOps.copy(a);
        int m = u.length;
        int n = u[0].length;
        for (int sweep = 0; sweep < 100; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    for (int i = 0; i < m; i++) {
                        alpha += u[i][p] * u[i][p];
                        beta += u[i][q] * u[i][q];
                        gamma += u[i][p] * u[i][q];
                    }
                    if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta) || gamma == 0) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    for (int i = 0; i < m; i++) {
                        double up = u[i][p];
                        double uq = u[i][q];
                        u[i][p] = c * up - s * uq;
                        u[i][q] = s * up + c * uq;
                    }
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] sv = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s = Math.hypot(s, u[i][j]);
            }
            sv[j] = s;
        }
        Arrays.sort(sv);
        for (int i = 0; i < n / 2; i++) {
            double t = sv[i];
            sv[i] = sv[n - 1 - i];
            sv[n - 1 - i] = t;
        }
        return sv;
    }

    @Test
    void jacobiFindsKnownSingularValues() {
        double[] sv = singularValues(new double[][] {{3, 0}, {4, 5}});
        // A^T A = [[25, 20], [20, 25]]: eigenvalues 45 and 5
        assertThat(sv[0]).isCloseTo(Math.sqrt(45), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sv[1]).isCloseTo(Math.sqrt(5), org.assertj.core.data.Offset.offset(1e-12));
    }

    static double[][] bdfac(double[][] a, int b) {
        var in = new HashMap<ConcreteTile, double[][]>();
        Tiles.split("A", a, b, b, in);
        int nt = Tiles.count(a.length, b);
        var out = InterpreterTest.run(Programs.bdfac(), Map.of("N", (long) nt), in);
        for (ConcreteTile t : out.keySet()) {
            if (t.matrix().equals("B")) {
                assertThat(t.col() == t.row() || t.col() == t.row() + 1).as("band tile " + t).isTrue();
            }
        }
        return Tiles.assemble(out, "B", nt, nt);
    }

    @Test
    void bandHasTheSingularValuesOfAAndZerosOutsideTheBand() {
        Random r = new Random(31);
        for (int trial = 0; trial < 14; trial++) {
            int b = 1 + r.nextInt(3);
            int n = 1 + r.nextInt(11);
            double[][] a = InterpreterTest.random(r, n, n);
            if (trial % 4 == 3) {
                a[0][0] = 0;
                for (double[] row : a) {
                    row[n - 1] = 0; // singular too
                }
            }
            double[][] band = bdfac(a, b);
            String what = "bdfac n=" + n + " b=" + b;
            assertThat(band.length).as(what).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (j < i || j > i + b) {
                        assertThat(band[i][j]).as("outside the band at (%d, %d) %s", i, j, what).isZero();
                    }
                }
            }
            double[] expected = singularValues(a);
            double[] actual = singularValues(band);
            for (int i = 0; i < n; i++) {
                assertThat(Math.abs(actual[i] - expected[i])).as("singular value %d of %s", i, what)
                        .isLessThan(1e-12 * Math.max(1, expected[0]) * n);
            }
            assertThat(QrInterpreterTest.frobenius(band)).isCloseTo(QrInterpreterTest.frobenius(a),
                    org.assertj.core.data.Offset.offset(1e-12 * n));
        }
    }
}
