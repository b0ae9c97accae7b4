package org.wren4j.api;

import java.util.Random;
import org.wren4j.planner.plan.Dense;

/** Test matrices of known spectra: {@code U diag(s) V^T} with U, V products of random reflectors. */
final class TestSpectra {
    private TestSpectra() {
    }

    /** An {@code m x n} matrix with singular values {@code s} (at most min(m, n) of them). */
    static double[][] withSingularValues(Random random, int m, int n, double[] s) {
        double[][] a = new double[m][n];
        for (int i = 0; i < s.length; i++) {
            a[i][i] = s[i];
        }
        a = reflectRows(random, reflectRows(random, reflectRows(random, a)));
        a = Dense.t(a);
        a = reflectRows(random, reflectRows(random, reflectRows(random, a)));
        return Dense.t(a);
    }

    /** The symmetric {@code Q diag(w) Q^T} with eigenvalues w (any signs), Q a product of random reflectors. */
    static double[][] symmetricWithEigenvalues(Random random, double[] w) {
        int n = w.length;
        double[][] q = reflectRows(random, reflectRows(random, reflectRows(random, Dense.eye(n, n))));
        double[][] qw = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                qw[i][j] = q[i][j] * w[j];
            }
        }
        double[][] a = Dense.mul(qw, Dense.t(q));
        // exactly symmetric, as the rounding of the two sides differs
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    /** A random reflector {@code I - 2 v v^T / |v|^2} applied to the rows of a (a new array). */
    static double[][] reflectRows(Random random, double[][] a) {
        int m = a.length;
        double[] v = new double[m];
        double norm = 0;
        for (int i = 0; i < m; i++) {
            v[i] = random.nextDouble() - 0.5;
            norm += v[i] * v[i];
        }
        double[][] out = new double[m][];
        for (int i = 0; i < m; i++) {
            out[i] = a[i].clone();
        }
        for (int j = 0; j < a[0].length; j++) {
            double d = 0;
            for (int i = 0; i < m; i++) {
                d += v[i] * a[i][j];
            }
            for (int i = 0; i < m; i++) {
                out[i][j] -= 2 * d / norm * v[i];
            }
        }
        return out;
    }
}
