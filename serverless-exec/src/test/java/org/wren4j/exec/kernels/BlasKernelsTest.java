package org.wren4j.exec.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wren4j.tiles.Tile;

/** Kernels against naive triple loops on ragged shapes. */
class BlasKernelsTest {
    private final SplittableRandom random = new SplittableRandom(7);

    private Tile rand(int r, int c) {
        double[] v = new double[r * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        return Tile.wrap(r, c, v);
    }

    private static double[][] dense(Tile t) {
        double[][] a = new double[t.rows()][t.cols()];
        t.copyInto(a, 0, 0);
        return a;
    }

    private static double[][] mul(double[][] a, double[][] b, boolean transB) {
        int m = a.length;
        int k = a[0].length;
        int n = transB ? b.length : b[0].length;
        double[][] c = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i][p] * (transB ? b[j][p] : b[p][j]);
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    private static void assertClose(double[][] expected, Tile actual, double tol) {
        assertThat(actual.rows()).isEqualTo(expected.length);
        assertThat(actual.cols()).isEqualTo(expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                assertThat(actual.get(i, j)).as("(%d,%d)", i, j).isCloseTo(expected[i][j], org.assertj.core.data.Offset.offset(tol));
            }
        }
    }

    private Tile spd(int n) {
        double[][] u = dense(rand(n, n));
        double[][] a = mul(u, u, true);
        for (int i = 0; i < n; i++) {
            a[i][i] += n;
        }
        return Tile.copyOf(a, 0, 0, n, n);
    }

    @Test
    void gemmAndAccumulateOnRaggedShapes() {
        Tile a = rand(7, 5);
        Tile b = rand(5, 3);
        Tile c = rand(7, 3);
        assertClose(mul(dense(a), dense(b), false), KernelLibrary.run("gemm", new Tile[] {a, b}, new double[0])[0], 1e-12);
        double[][] expected = mul(dense(a), dense(b), false);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 3; j++) {
                expected[i][j] += c.get(i, j);
            }
        }
        assertClose(expected, KernelLibrary.run("gemm_acc", new Tile[] {c, a, b}, new double[0])[0], 1e-12);
    }

    @Test
    void treeLeafAndCombineKernels() {
        Tile a1 = rand(6, 4);
        Tile b1 = rand(4, 5);
        Tile a2 = rand(6, 3);
        Tile b2 = rand(3, 5);
        double[][] expected = mul(dense(a1), dense(b1), false);
        double[][] second = mul(dense(a2), dense(b2), false);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                expected[i][j] += second[i][j];
            }
        }
        Tile leaf = KernelLibrary.run("gemm_sum", new Tile[] {a1, b1, a2, b2}, new double[0])[0];
        assertClose(expected, leaf, 1e-12);
        Tile twice = KernelLibrary.run("sum_n", new Tile[] {leaf, leaf, leaf}, new double[0])[0];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                expected[i][j] *= 3;
            }
        }
        assertClose(expected, twice, 1e-12);
        assertThat(KernelLibrary.run("sum_n", new Tile[] {leaf}, new double[0])[0]).isEqualTo(leaf);
        assertThatThrownBy(() -> KernelLibrary.run("gemm_sum", new Tile[] {a1, b1, a2}, new double[0])).hasMessageContaining("pairs");
    }

    @Test
    void choleskyTrsmAndUpdate() {
        Tile a = spd(6);
        Tile l = KernelLibrary.run("chol", new Tile[] {a}, new double[0])[0];
        double[][] ld = dense(l);
        for (int i = 0; i < 6; i++) {
            for (int j = i + 1; j < 6; j++) {
                assertThat(ld[i][j]).isZero();
            }
        }
        assertClose(dense(a), Tile.copyOf(mul(ld, ld, true), 0, 0, 6, 6), 1e-10);

        Tile b = rand(4, 6); // ragged: a 4-row tile below a 6x6 diagonal tile
        Tile x = KernelLibrary.run("trsm_rlt", new Tile[] {l, b}, new double[0])[0];
        assertClose(dense(b), Tile.copyOf(mul(dense(x), ld, true), 0, 0, 4, 6), 1e-10);

        Tile c = rand(4, 3);
        Tile p = rand(4, 6);
        Tile q = rand(3, 6);
        double[][] expected = mul(dense(p), dense(q), true);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                expected[i][j] = c.get(i, j) - expected[i][j];
            }
        }
        assertClose(expected, KernelLibrary.run("syrk_update", new Tile[] {c, p, q}, new double[0])[0], 1e-12);
    }

    @Test
    void diagonalSyrkUpdateIsExactlySymmetricAndMatchesTheProduct() {
        for (int n : new int[] {1, 5, 70, 131}) { // 131: several 64-wide mirror blocks, ragged
            int k = n + 3;
            Tile p = rand(n, k);
            double[] cv = rand(n, n).values().clone();
            org.wren4j.tiles.Symmetry.mirrorLower(cv, n);
            Tile c = Tile.wrap(n, n, cv);
            double[][] expected = mul(dense(p), dense(p), true);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    expected[i][j] = c.get(i, j) - expected[i][j];
                }
            }
            // the same tile twice (one read) and an equal copy (two reads) both take the symmetric route
            for (Tile q : new Tile[] {p, Tile.wrap(n, k, p.values().clone())}) {
                Tile s = KernelLibrary.run("syrk_update", new Tile[] {c, p, q}, new double[0])[0];
                assertThat(org.wren4j.tiles.Symmetry.isSymmetric(s)).as("n=%d", n).isTrue();
                assertClose(expected, s, 1e-12);
            }
        }
    }

    @Test
    void syrkUpdateOfANonSymmetricCKeepsItsUpperTriangle() {
        int n = 9;
        Tile p = rand(n, 4);
        Tile c = rand(n, n); // not symmetric: the full product, not the mirrored lower half
        double[][] expected = mul(dense(p), dense(p), true);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                expected[i][j] = c.get(i, j) - expected[i][j];
            }
        }
        assertClose(expected, KernelLibrary.run("syrk_update", new Tile[] {c, p, p}, new double[0])[0], 1e-12);
    }

    @Test
    void notPositiveDefiniteFailsWithTheMinor() {
        Tile a = Tile.wrap(2, 2, new double[] {1, 2, 2, 1}); // eigenvalues 3 and -1
        assertThatThrownBy(() -> KernelLibrary.run("chol", new Tile[] {a}, new double[0]))
                .isInstanceOf(KernelFailure.class)
                .hasMessageContaining("not positive definite")
                .hasMessageContaining("order 2");
    }

    @Test
    void denseReferenceAgreesWithKernels() {
        Tile a = spd(9);
        double[] l = DenseLinalg.cholesky(a.values(), 9);
        assertThat(DenseLinalg.choleskyResidual(a.values(), l, 9)).isLessThan(1e-14);
        Tile lk = KernelLibrary.run("chol", new Tile[] {a}, new double[0])[0];
        assertThat(lk.values()).containsExactly(l);
    }

    @Test
    void mismatchedShapesNameTheKernel() {
        assertThatThrownBy(() -> KernelLibrary.run("gemm", new Tile[] {rand(2, 3), rand(4, 2)}, new double[0]))
                .hasMessageContaining("kernel gemm").hasMessageContaining("2x3").hasMessageContaining("4x2");
    }
}
