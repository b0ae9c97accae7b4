package org.wren4j.planner.interp;

/** Naive dense matrix operations on row-major {@code double[rows][cols]}; reference code, not fast. */
public final class DenseOps {
    private DenseOps() {
    }

    public static double[][] zeros(int rows, int cols) {
        return new double[rows][cols];
    }

    public static int rows(double[][] a) {
        return a.length;
    }

    public static int cols(double[][] a) {
        return a.length == 0 ? 0 : a[0].length;
    }

    public static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    public static double[][] transpose(double[][] a) {
        double[][] out = new double[cols(a)][rows(a)];
        for (int i = 0; i < rows(a); i++) {
            for (int j = 0; j < cols(a); j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    public static double[][] multiply(double[][] a, double[][] b) {
        if (cols(a) != rows(b)) {
            throw new IllegalArgumentException("cannot multiply " + rows(a) + "x" + cols(a) + " by " + rows(b) + "x" + cols(b));
        }
        double[][] out = new double[rows(a)][cols(b)];
        for (int i = 0; i < rows(a); i++) {
            for (int k = 0; k < cols(a); k++) {
                double x = a[i][k];
                for (int j = 0; j < cols(b); j++) {
                    out[i][j] += x * b[k][j];
                }
            }
        }
        return out;
    }

    /** {@code a + s * b}. */
    public static double[][] addScaled(double[][] a, double s, double[][] b) {
        requireSameShape(a, b);
        double[][] out = copy(a);
        for (int i = 0; i < rows(a); i++) {
            for (int j = 0; j < cols(a); j++) {
                out[i][j] += s * b[i][j];
            }
        }
        return out;
    }

    public static void requireSameShape(double[][] a, double[][] b) {
        if (rows(a) != rows(b) || cols(a) != cols(b)) {
            throw new IllegalArgumentException("shapes differ: " + rows(a) + "x" + cols(a) + " and " + rows(b) + "x" + cols(b));
        }
    }

    /** Lower Cholesky factor of the SPD matrix {@code a} (its lower triangle is read). */
    public static double[][] cholesky(double[][] a) {
        int n = rows(a);
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix is not positive definite at column " + j);
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        return l;
    }

    /** The triangle of {@code t} ({@code lower} or upper, diagonal included), zero elsewhere. */
    public static double[][] triangle(double[][] t, boolean lower) {
        double[][] out = new double[rows(t)][cols(t)];
        for (int i = 0; i < rows(t); i++) {
            for (int j = 0; j < cols(t); j++) {
                if (lower ? j <= i : j >= i) {
                    out[i][j] = t[i][j];
                }
            }
        }
        return out;
    }

    /** Solves {@code t x = b} for square triangular {@code t} (only its {@code lower}/upper triangle read). */
    public static double[][] solveTriangular(double[][] t, boolean lower, double[][] b) {
        int n = rows(t);
        if (cols(t) != n || rows(b) != n) {
            throw new IllegalArgumentException("triangular solve of " + rows(t) + "x" + cols(t) + " with " + rows(b) + "x" + cols(b));
        }
        double[][] x = copy(b);
        for (int c = 0; c < cols(b); c++) {
            for (int s = 0; s < n; s++) {
                int i = lower ? s : n - 1 - s;
                double v = x[i][c];
                for (int s2 = 0; s2 < s; s2++) {
                    int k = lower ? s2 : n - 1 - s2;
                    v -= t[i][k] * x[k][c];
                }
                x[i][c] = v / t[i][i];
            }
        }
        return x;
    }

    public static double maxAbsDiff(double[][] a, double[][] b) {
        requireSameShape(a, b);
        double m = 0;
        for (int i = 0; i < rows(a); i++) {
            for (int j = 0; j < cols(a); j++) {
                m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return m;
    }
}
