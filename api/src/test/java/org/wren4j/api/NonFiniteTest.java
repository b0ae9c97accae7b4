package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Through the public API: factorizations and solves refuse NaN and infinities with one line that
 * names the operation, the tile and the cause; element-wise work and products propagate them as
 * numpy does.
 */
class NonFiniteTest extends EmbeddedSessionTest {
    private static double[][] spdWith(int row, int col, double value) {
        int n = 12;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = i == j ? n : 1.0 / (1 + i + j);
            }
        }
        a[row][col] = value;
        a[col][row] = value;
        return a;
    }

    private static double[][] ones(int rows, int cols) {
        double[][] b = new double[rows][cols];
        for (double[] r : b) {
            Arrays.fill(r, 1);
        }
        return b;
    }

    @Test
    void spdSolveWithNaNFailsInOneLineNamingTheTile() {
        BlockMatrix a = wren.fromArray(spdWith(9, 2, Double.NaN), 4).asSpd();
        BlockMatrix x = a.solve(wren.fromArray(ones(12, 2), 4));
        assertThatThrownBy(x::compute).isInstanceOf(WrenException.class)
                .hasMessageContaining("NaN").hasMessageContaining("tile (2, 0)").hasMessageContaining("element (9, 2)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void choleskyWithInfinityFailsInsteadOfReturningInfinities() {
        BlockMatrix l = wren.fromArray(spdWith(5, 5, Double.POSITIVE_INFINITY), 4).cholesky();
        assertThatThrownBy(l::compute).isInstanceOf(WrenException.class)
                .hasMessageContaining("cholesky").hasMessageContaining("+Inf").hasMessageContaining("tile (1, 1)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void elementwiseAndProductsPropagateAsNumpyDoes() {
        BlockMatrix a = wren.fromArray(spdWith(1, 0, Double.NaN), 4);
        assertThat(a.plus(a).toArray()[1][0]).isNaN();
        assertThat(a.matmul(a).toArray()[3][0]).isNaN();
    }
}
