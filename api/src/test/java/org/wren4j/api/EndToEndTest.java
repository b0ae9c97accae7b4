package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.wren4j.api.DenseMath.colMajor;
import static org.wren4j.planner.plan.Dense.random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wren4j.exec.kernels.DenseLinalg;

/** Cholesky and GEMM through every layer of the embedded default, against dense references. */
class EndToEndTest extends EmbeddedSessionTest {

    @ParameterizedTest(name = "n={0} block={1}")
    @CsvSource({"1,1", "7,7", "7,16", "10,3", "64,16", "100,32", "257,64"})
    void choleskyMatchesDenseReference(int n, int block) {
        BlockMatrix a = wren.randomSpd(n, block, 11);
        double[] dense = a.toColumnMajor();
        BlockMatrix l = a.cholesky().compute();
        double[] lv = l.toColumnMajor();
        for (int c = 1; c < n; c++) {
            for (int r = 0; r < c; r++) {
                assertThat(lv[c * n + r]).as("L(%d,%d) above the diagonal", r, c).isZero();
            }
        }
        assertThat(DenseLinalg.choleskyResidual(dense, lv, n)).isLessThan(1e-13);
        // independent of our kernels' tiling: LAPACK on the whole matrix gives the same factor
        double[] ref = DenseLinalg.cholesky(dense, n);
        for (int i = 0; i < ref.length; i++) {
            assertThat(lv[i]).isCloseTo(ref[i], org.assertj.core.data.Offset.offset(1e-10 * (1 + Math.abs(ref[i]))));
        }
        long tiles = (n + block - 1) / block;
        assertThat(wren.lastJob().orElseThrow().tasks()).isEqualTo(tiles + tiles * (tiles - 1) / 2 + (tiles - 1) * tiles * (tiles + 1) / 6);
    }

    @ParameterizedTest(name = "{0}x{1} @ {1}x{2} block={3}")
    @CsvSource({"1,1,1,1", "5,5,5,8", "33,17,9,8", "8,100,8,16", "100,8,3,16", "64,64,64,16", "45,70,31,16", "20,300,10,16", "17,161,9,8", "3,1000,2,7"})
    void gemmMatchesNaiveLoops(int m, int k, int n, int block) {
        double[][] a = random(m, k, 1);
        double[][] b = random(k, n, 2);
        double[][] c = wren.fromArray(a, block).matmul(wren.fromArray(b, block)).toArray();
        double[][] expected = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i][p] * b[p][j];
                }
                expected[i][j] = s;
            }
        }
        double residual = DenseLinalg.gemmResidual(colMajor(a), colMajor(b), colMajor(c), m, k, n);
        assertThat(residual).isLessThan(1e-14);
        for (int i = 0; i < m; i++) {
            assertThat(c[i]).containsExactly(expected[i], org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void chainedExpressionRunsAllOperations() {
        // L = chol(A), then L @ L^T... without a transpose yet: check (A @ I) factors like A
        double[][] eye = new double[40][40];
        for (int i = 0; i < 40; i++) {
            eye[i][i] = 1;
        }
        BlockMatrix a = wren.randomSpd(40, 16, 5);
        double[] l1 = a.cholesky().toColumnMajor();
        double[] l2 = a.matmul(wren.fromArray(eye, 16)).cholesky().toColumnMajor();
        assertThat(l2).containsExactly(l1, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void notPositiveDefiniteNamesOperationAndTile() {
        double[][] a = new double[20][20];
        for (int i = 0; i < 20; i++) {
            a[i][i] = i == 13 ? -1 : 4;
        }
        BlockMatrix m = wren.fromArray(a, 8);
        SingularMatrixException e = catchThrowableOfType(() -> m.cholesky().compute(), SingularMatrixException.class);
        assertThat(e).hasMessageStartingWith("cholesky failed: not positive definite")
                .hasMessageContaining("leading minor of order 6")
                .hasMessageContaining("in tile (1, 1) of the matrix from fromArray()");
        assertThat(e.detail()).contains("chol(").contains("i=1"); // the task, for a report
    }

    @Test
    void shapeMismatchThrowsAtTheCallWithBothShapes() {
        BlockMatrix a = wren.random(10, 7, 4, 1);
        BlockMatrix b = wren.random(8, 3, 4, 1);
        assertThatThrownBy(() -> a.matmul(b)).isInstanceOf(ShapeException.class)
                .hasMessageContaining("10x7").hasMessageContaining("8x3");
        BlockMatrix c = wren.random(7, 3, 5, 1);
        assertThatThrownBy(() -> a.matmul(c)).hasMessageContaining("block sizes differ");
        assertThatThrownBy(() -> a.cholesky()).hasMessageContaining("square").hasMessageContaining("10x7");
        assertThatThrownBy(() -> wren.fromArray(new double[][] {{1, 2}, {3}}, 2)).hasMessageContaining("row 1");
    }

    @Test
    void randomIsDeterministicPerSeed() {
        assertThat(wren.random(30, 20, 8, 3).toColumnMajor()).containsExactly(wren.random(30, 20, 8, 3).toColumnMajor());
        assertThat(wren.random(30, 20, 8, 3).toColumnMajor()).isNotEqualTo(wren.random(30, 20, 8, 4).toColumnMajor());
        double[][] spd = wren.randomSpd(21, 8, 9).toArray();
        for (int i = 0; i < 21; i++) {
            for (int j = 0; j < 21; j++) {
                assertThat(spd[i][j]).isEqualTo(spd[j][i]);
            }
        }
    }
}
