package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.wren4j.planner.plan.Dense;

/** Dense helpers of the api tests beyond the planner's {@link org.wren4j.planner.plan.Dense}. */
final class DenseMath {
    private DenseMath() {
    }

    static double[] colMajor(double[][] a) {
        int rows = a.length;
        int cols = a[0].length;
        double[] v = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[c * rows + r] = a[r][c];
            }
        }
        return v;
    }

    static double maxDiff(double[][] a, double[][] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                d = Math.max(d, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return d;
    }

    /** The Frobenius norm. */
    static double fro(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    static void assertClose(double[][] actual, double[][] expected, double tol) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).containsExactly(expected[i], offset(tol));
        }
    }

    /** An {@code n x n} matrix of {@link Dense#random(Random, int, int)} entries with column {@code col} zero: singular. */
    static double[][] singular(Random random, int n, int col) {
        double[][] a = Dense.random(random, n, n);
        for (double[] row : a) {
            row[col] = 0;
        }
        return a;
    }
}
