package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.plan.Dense;

/**
 * eigh/eigvalsh against matrices built with known eigenvalues ({@code Q diag(w) Q^T}, Q a
 * product of reflectors: an independent reference), indefinite, repeated and zero ones
 * included, and against the definitions ({@code A V = V diag(w)}, {@code V^T V = I}, the sign
 * rule), on ragged grids, blocks larger than the matrix and 1x1.
 */
class EighTest extends EmbeddedSessionTest {
    private final Random random = new Random(37);

    @Test
    void knownSpectraIncludingIndefiniteRepeatedAndZero() {
        // n, block, then the eigenvalues (any order)
        double[][] cases = {{1, 1, -2.5}, {2, 1, 3, -3}, {5, 8, -4, 0, 0, 1, 7}, {7, 3, -1e-3, 2, 2, 2, -5, 9, 0.5},
                {13, 4, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6}, {6, 6, 1, 1 + 1e-9, -1, 3, 0, 2}};
        for (double[] c : cases) {
            int n = (int) c[0];
            int block = (int) c[1];
            double[] w = Arrays.copyOfRange(c, 2, 2 + n);
            double[][] a = TestSpectra.symmetricWithEigenvalues(random, w);
            double[] want = w.clone();
            Arrays.sort(want);
            String as = "n " + n + " block " + block + " " + Arrays.toString(w);
            BlockMatrix x = wren.fromArray(a, block);
            EighResult e = x.eigh();
            // 1e-13: eps ||A|| with ||A|| <= 9 and three reflectors' roundings in the construction
            assertThat(e.eigenvalues()).as(as + " eigenvalues ascending").containsExactly(want, offset(1e-13));
            // values alone take another LAPACK path (no vectors): equal to rounding
            assertThat(x.eigvalsh()).as(as + " eigvalsh").containsExactly(want, offset(1e-13));
            double[][] v = e.eigenvectors().toArray();
            assertThat(Dense.maxAbs(Dense.minus(Dense.mul(Dense.t(v), v), Dense.eye(n, n)))).as(as + " V^T V - I").isLessThan(1e-13);
            double[][] av = Dense.mul(a, v);
            double[] got = e.eigenvalues();
            for (int j = 0; j < n; j++) {
                double big = 0;
                for (int i = 0; i < n; i++) {
                    assertThat(av[i][j]).as(as + " (A v)_" + i + " of vector " + j).isCloseTo(got[j] * v[i][j], offset(1e-12));
                    big = Math.abs(v[i][j]) > Math.abs(big) ? v[i][j] : big;
                }
                assertThat(big).as(as + " sign of vector " + j).isPositive();
            }
        }
    }

    @Test
    void covarianceFromAProductIsAcceptedAndMatchesSquaredSingularValues() {
        double[][] data = Dense.random(random, 40, 9);
        BlockMatrix x = wren.fromArray(data, 7);
        // X^T X by a general product: its two triangles may differ in the last bits
        double[] w = x.T().matmul(x).eigvalsh();
        double[] s = DenseReference.singularValues(DenseMath.colMajor(data), 40, 9);
        for (int i = 0; i < 9; i++) {
            assertThat(w[8 - i]).as("eigenvalue vs s^2 " + i).isCloseTo(s[i] * s[i], offset(1e-11));
        }
    }

    @Test
    void nonSymmetricAndNonSquareAreRefused() {
        double[][] a = TestSpectra.symmetricWithEigenvalues(random, new double[] {1, 2, 3, 4});
        a[3][1] += 1e-6;
        assertThatThrownBy(() -> wren.fromArray(a, 3).eigh()).isInstanceOf(WrenException.class)
                .hasMessageStartingWith("eigh: the 4x4 matrix is not symmetric: element (3, 1)").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> wren.fromArray(Dense.random(random, 3, 4), 2).eigvalsh()).isInstanceOf(ShapeException.class)
                .hasMessageContaining("needs a square symmetric matrix");
        double[][] b = TestSpectra.symmetricWithEigenvalues(random, new double[] {1, 2, 3});
        b[1][1] = Double.NaN;
        assertThatThrownBy(() -> wren.fromArray(b, 2).eigh()).isInstanceOf(NonFiniteException.class).hasMessageContaining("(1, 1)");
    }
}
