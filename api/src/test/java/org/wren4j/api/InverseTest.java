package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wren4j.api.DenseMath.colMajor;
import static org.wren4j.api.DenseMath.fro;
import static org.wren4j.api.DenseMath.singular;
import static org.wren4j.planner.plan.Dense.mul;
import static org.wren4j.planner.plan.Dense.random;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockMatrix#inv()} by structure (Cholesky, triangular, LU) on the embedded runtime,
 * against the dense LAPACK inverse of {@link DenseReference}.
 */
class InverseTest extends EmbeddedSessionTest {
    private final Random random = new Random(83);

    private static double[][] minusEye(double[][] a) {
        double[][] o = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            o[i] = a[i].clone();
            o[i][i] -= 1;
        }
        return o;
    }

    /**
     * Checks {@code inv} of {@code a} (dense value {@code ad}): the residual {@code ||A X - I|| / (||A|| ||X||)},
     * the distance to LAPACK's inverse, and {@code inv(A) @ A} computed lazily in one job.
     *
     * @return the measured backward error {@code ||A X - I|| / (||A|| ||X||)}
     */
    private static double check(String what, BlockMatrix a, double[][] ad, String route) {
        int n = ad.length;
        BlockMatrix inv = a.inv();
        assertThat(inv.explain()).as("%s: route", what).contains(route);
        long before = wren.jobsStarted();
        double[][] x = inv.toArray();
        assertThat(wren.jobsStarted() - before).as("%s: one job", what).isEqualTo(1);
        double backward = fro(minusEye(mul(ad, x))) / (fro(ad) * fro(x));
        assertThat(backward).as("%s: ||A inv(A) - I|| / (||A|| ||inv(A)||)", what).isLessThan(1e-15 * n);

        double[] ref = DenseReference.inverse(colMajor(ad), n);
        double[] got = colMajor(x);
        double diff = 0;
        double norm = 0;
        for (int k = 0; k < ref.length; k++) {
            diff += (got[k] - ref[k]) * (got[k] - ref[k]);
            norm += ref[k] * ref[k];
        }
        // forward error is bounded by cond(A) times the backward error; these inputs are well conditioned
        assertThat(Math.sqrt(diff / norm)).as("%s: ||inv(A) - LAPACK inverse|| / ||LAPACK inverse||", what).isLessThan(1e-11);

        double[][] product = a.inv().matmul(a).toArray();
        assertThat(fro(minusEye(product)) / Math.sqrt(n)).as("%s: inv(A) @ A is I", what).isLessThan(1e-12);
        System.out.printf("inv %s: backward error %.2e%n", what, backward);
        return backward;
    }

    @Test
    void spdByCholesky() {
        for (int[] c : new int[][] {{23, 8}, {6, 8}}) {
            BlockMatrix a = wren.randomSpd(c[0], c[1], 7);
            check("randomSpd " + c[0] + " block " + c[1], a, a.toArray(), "cholesky");
        }
        double[][] xd = random(random, 30, 17);
        BlockMatrix x = wren.fromArray(xd, 8);
        BlockMatrix g = x.gram().plus(wren.eye(17, 8));
        assertThat(g.inv().explain()).contains("cholesky").doesNotContain("calu");
        BlockMatrix asSpd = wren.fromArray(g.toArray(), 8).asSpd();
        check("asSpd gram + I, 17 block 8", asSpd, asSpd.toArray(), "cholesky");
    }

    @Test
    void lowerTriangularByOneSolve() {
        for (int[] c : new int[][] {{21, 8}, {7, 8}}) {
            BlockMatrix l = wren.randomSpd(c[0], c[1], 11).cholesky().compute();
            BlockMatrix inv = l.inv();
            assertThat(inv.explain()).contains("trsm").doesNotContain("calu").doesNotContain("cholesky");
            check("lower " + c[0] + " block " + c[1], l, l.toArray(), "trsm");
        }
    }

    @Test
    void generalByLu() {
        for (int[] c : new int[][] {{27, 8}, {5, 8}}) {
            double[][] ad = random(random, c[0], c[0]);
            for (int i = 0; i < c[0]; i++) {
                ad[i][i] += 2; // keep the random matrix well conditioned so the forward error bound is tight
            }
            check("general " + c[0] + " block " + c[1], wren.fromArray(ad, c[1]), ad, "calu");
        }
    }

    @Test
    void nonSquareIsRejectedAtTheCall() {
        BlockMatrix a = wren.fromArray(random(random, 7, 5), 4);
        assertThatThrownBy(a::inv).isInstanceOf(ShapeException.class).hasMessageContaining("inv").hasMessageContaining("7x5");
    }

    @Test
    void singularFailsNamingInv() {
        BlockMatrix inv = wren.fromArray(singular(random, 12, 5), 4).inv();
        assertThatThrownBy(inv::compute).isInstanceOf(WrenException.class).hasMessageStartingWith("inv of a 12x12 matrix")
                .hasMessageContaining("singular");
    }
}
