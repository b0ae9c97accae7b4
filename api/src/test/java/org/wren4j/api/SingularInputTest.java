package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.plan.Dense;

/**
 * The solvers that divide by a pivot or diagonal fail on an exactly zero one with one line
 * naming the user's operation (the README's "Numerical behaviour"); LU's and inv's own cases
 * are in {@link LuTest} and {@link InverseTest}, lstsq's rank-revealing answer in {@link LstsqTest}.
 */
class SingularInputTest extends EmbeddedSessionTest {
    private final Random random = new Random(31);

    @Test
    void triangularSolveWithAZeroOnTheDiagonalNamesTheSolveAndTheRow() {
        double[][] u = Dense.random(random, 9, 9);
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < i; j++) {
                u[i][j] = 0;
            }
            u[i][i] += 1;
        }
        u[5][5] = 0;
        BlockMatrix x = wren.fromArray(u, 4).triangularSolve(wren.fromArray(Dense.random(random, 9, 1), 4), false, false);
        assertThatThrownBy(x::compute).isInstanceOf(WrenException.class).hasMessageStartingWith("triangular solve failed")
                .hasMessageContaining("singular").hasMessageContaining("zero on the diagonal at row 1").hasMessageNotContaining("\n");
    }

    /** The Gram matrix of two equal columns is only semidefinite: its Cholesky meets a non-positive pivot. */
    @Test
    void choleskyOfASemidefiniteGramMatrixNamesCholesky() {
        double[][] c = Dense.random(random, 12, 5);
        for (double[] row : c) {
            row[4] = row[1];
        }
        BlockMatrix l = wren.fromArray(c, 4).gram().cholesky();
        assertThatThrownBy(l::compute).isInstanceOf(WrenException.class).hasMessageStartingWith("gram + cholesky failed")
                .hasMessageContaining("not positive definite").hasMessageNotContaining("\n");
    }
}
