package org.wren4j.exec.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wren4j.tiles.Tile;

/** Ties and singular pivots of the LU kernels, shape errors and orthogonality of the Householder kernels. */
class LuAndQrKernelsTest {
    private static final double[] NONE = new double[0];

    private static Tile ints(SplittableRandom random, int rows, int cols, int zeroColumn) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = i / rows == zeroColumn ? 0 : random.nextInt(-2, 3);
        }
        return Tile.wrap(rows, cols, v);
    }

    /** Small integers tie all the time (equal |values|, zero columns, repeated rows): the spec's "first row" rule must hold. */
    @Test
    void tournamentBreaksTiesTowardsTheFirstRowLikeTheReference() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = random.nextInt(1, 6);
            int zeroColumn = random.nextInt(0, n + 2); // often no zero column
            Tile[] tiles = new Tile[random.nextInt(1, 4)];
            for (int t = 0; t < tiles.length; t++) {
                tiles[t] = ints(random, random.nextInt(1, 6), n, zeroColumn);
            }
            double[] first = {trial % 3};
            Tile[] out = KernelLibrary.run("lu_cand", tiles, first);
            assertThat(out).as("trial %d", trial).containsExactly(KernelInputs.reference("lu_cand", first, tiles));
            Tile[] merged = KernelLibrary.run("lu_cand_merge", new Tile[] {out[0], out[0]}, NONE);
            assertThat(merged).as("merge, trial %d", trial).containsExactly(KernelInputs.reference("lu_cand_merge", out[0], out[0]));
        }
    }

    @Test
    void dgetrfAndTheExactSelectionAgreeWithoutTies() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 50; trial++) {
            int r = random.nextInt(1, 120);
            int n = random.nextInt(1, 60);
            double[] v = new double[r * n];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextDouble() - 0.5;
            }
            assertThat(LuCandidates.select(v, r, n)).as("%dx%d", r, n).containsExactly(LuCandidates.exactSelect(v, r, n));
        }
    }

    /** The tournament itself follows the spec on NaN and infinities; the library then refuses such a panel. */
    @Test
    void nanAndInfinityFollowTheSpec() {
        Tile t = Tile.wrap(4, 2, new double[] {Double.NaN, 1, Double.POSITIVE_INFINITY, -3, 2, Double.NaN, 0, 1});
        assertThat(LuCandidates.cand(new Tile[] {t}, new double[] {0}))
                .containsExactly(KernelInputs.reference("lu_cand", new double[] {0}, t));
        assertThatThrownBy(() -> KernelLibrary.run("lu_cand", new Tile[] {t}, new double[] {0}))
                .isInstanceOf(NonFiniteValueException.class).hasMessageContaining("lu_cand");
    }

    @Test
    void singularDiagonalBlockFails() {
        // the first column is zero: the tournament still picks rows, the diagonal block has a zero pivot
        Tile x = Tile.wrap(3, 3, new double[] {0, 0, 0, 1, 2, 3, 4, 1, 0});
        Tile p = KernelLibrary.run("lu_cand", new Tile[] {x}, new double[] {2})[0];
        assertThatThrownBy(() -> KernelLibrary.run("lu_diag", new Tile[] {p, x}, new double[] {2}))
                .isInstanceOf(KernelFailure.class).hasMessageContaining("singular").hasMessageContaining("pivot 0")
                .hasMessageContaining("tile column 2");
        // a later pivot: rows 0 and 1 are equal in their first two columns
        Tile y = Tile.wrap(3, 3, new double[] {1, 1, 0, 2, 2, 0, 0, 0, 5});
        Tile py = Tile.wrap(3, 5, new double[] {0, 0, 0, 0, 1, 2, 1, 1, 0, 2, 2, 0, 0, 0, 5});
        assertThatThrownBy(() -> KernelLibrary.run("lu_diag", new Tile[] {py, y}, new double[] {0}))
                .isInstanceOf(KernelFailure.class).hasMessageContaining("singular").hasMessageContaining("pivot 1");
    }

    @Test
    void luLWithAZeroOnUsDiagonalFails() {
        Tile p = Tile.wrap(2, 4, new double[] {0, 0, 0, 1, 1, 0, 0, 1});
        Tile u = Tile.wrap(2, 2, new double[] {1, 0, 1, 0});
        assertThatThrownBy(() -> KernelLibrary.run("lu_l", new Tile[] {p, Tile.zeros(2, 2), Tile.zeros(3, 2), u}, new double[] {0, 1}))
                .isInstanceOf(KernelFailure.class).hasMessageContaining("singular").hasMessageContaining("row 1");
    }

    @Test
    void repeatedPivotRowsAreRejected() {
        Tile p = Tile.wrap(2, 4, new double[] {0, 0, 1, 1, 1, 1, 1, 1});
        assertThatThrownBy(() -> KernelLibrary.run("lu_diag", new Tile[] {p, Tile.zeros(2, 2)}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeated rows");
    }

    @Test
    void householderShapeErrorsNameKernelAndShapes() {
        Tile h = KernelLibrary.run("qr_factor", new Tile[] {Tile.wrap(3, 2, new double[] {1, 2, 3, 4, 5, 7})}, NONE)[1];
        assertThat(h.rows() + "x" + h.cols()).isEqualTo("5x2");
        assertThatThrownBy(() -> KernelLibrary.run("qr_leaf_qt", new Tile[] {h, Tile.zeros(4, 2)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qr_leaf_qt").hasMessageContaining("5x2")
                .hasMessageContaining("4x2");
        assertThatThrownBy(() -> KernelLibrary.run("qr_pair_factor", new Tile[] {Tile.zeros(2, 3), Tile.zeros(2, 3)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qr_pair_factor").hasMessageContaining("tall");
        assertThatThrownBy(() -> KernelLibrary.run("lq_pair_apply", new Tile[] {h, Tile.zeros(2, 2), Tile.zeros(3, 1)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lq_pair_apply").hasMessageContaining("2x2")
                .hasMessageContaining("3x1");
    }

    /** Q^T then Q gives C back, and Q^T A of qr_factor is A's factor: checks the kernels against each other at a larger size. */
    @Test
    void qThenQtIsTheIdentityOnLargerTiles() {
        SplittableRandom random = new SplittableRandom(3);
        int m = 300;
        int n = 170;
        Tile a = uniform(random, m, n);
        Tile[] f = KernelLibrary.run("qr_factor", new Tile[] {a}, NONE);
        Tile qr = KernelLibrary.run("qr_leaf_q", new Tile[] {f[1], f[0]}, NONE)[0];
        assertClose(a, qr, 1e-12 * m);
        Tile c = uniform(random, m, 40);
        Tile back = KernelLibrary.run("qr_leaf_q", new Tile[] {f[1], KernelLibrary.run("qr_leaf_qt", new Tile[] {f[1], c}, NONE)[0]}, NONE)[0];
        assertClose(c, back, 1e-12 * m);
    }

    private static Tile uniform(SplittableRandom random, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        return Tile.wrap(rows, cols, v);
    }

    private static void assertClose(Tile expected, Tile actual, double tol) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.cols()).isEqualTo(expected.cols());
        double worst = 0;
        for (int i = 0; i < expected.values().length; i++) {
            worst = Math.max(worst, Math.abs(expected.values()[i] - actual.values()[i]));
        }
        assertThat(worst).isLessThan(tol);
    }
}
