package org.wren4j.exec.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wren4j.tiles.Tile;

/** Failures, shape errors, tie-breaking and over/underflow of the kernels, on hand-made tiles. */
class KernelEdgeCasesTest {
    private static final double[] NONE = new double[0];

    private static Tile col(double... v) {
        return Tile.wrap(v.length, 1, v);
    }

    private static Tile row(double... v) {
        return Tile.wrap(1, v.length, v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"trsm_lln", "trsm_llt", "trsm_lun", "trsm_lut", "trsm_rln", "trsm_rlt", "trsm_run", "trsm_rut"})
    void singularTriangleFailsNamingKernelAndRow(String kernel) {
        Tile t = Tile.wrap(3, 3, new double[] {2, 1, 1, 1, 3, 1, 1, 1, 0});
        assertThatThrownBy(() -> KernelLibrary.run(kernel, new Tile[] {t, Tile.wrap(3, 3, new double[9])}, NONE))
                .isInstanceOf(KernelFailure.class)
                .hasMessageContaining("kernel " + kernel)
                .hasMessageContaining("singular")
                .hasMessageContaining("row 2");
    }

    @Test
    void shapeErrorsNameTheKernelAndBothShapes() {
        assertThatThrownBy(() -> KernelLibrary.run("trsm_lun", new Tile[] {Tile.zeros(3, 3), Tile.zeros(4, 2)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trsm_lun").hasMessageContaining("3x3").hasMessageContaining("4x2");
        assertThatThrownBy(() -> KernelLibrary.run("trsm_rut", new Tile[] {Tile.zeros(2, 3), Tile.zeros(2, 3)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trsm_rut").hasMessageContaining("square").hasMessageContaining("2x3");
        assertThatThrownBy(() -> KernelLibrary.run("zip_div", new Tile[] {Tile.zeros(2, 3), Tile.zeros(3, 2)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zip_div").hasMessageContaining("2x3").hasMessageContaining("3x2");
        assertThatThrownBy(() -> KernelLibrary.run("gemm_sub_tn", new Tile[] {Tile.zeros(3, 4), Tile.zeros(5, 3), Tile.zeros(6, 4)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gemm_sub_tn").hasMessageContaining("5x3").hasMessageContaining("6x4");
        assertThatThrownBy(() -> KernelLibrary.run("gemm_tn_sum", new Tile[] {Tile.zeros(3, 2), Tile.zeros(3, 4), Tile.zeros(5, 3), Tile.zeros(5, 4)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gemm_tn_sum").hasMessageContaining("pair 1").hasMessageContaining("5x3");
        assertThatThrownBy(() -> KernelLibrary.run("row_sum", new Tile[] {Tile.zeros(3, 2), Tile.zeros(4, 2)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row_sum").hasMessageContaining("3x2").hasMessageContaining("4x2");
        assertThatThrownBy(() -> KernelLibrary.run("col_max", new Tile[] {Tile.zeros(3, 2), Tile.zeros(3, 5)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("col_max").hasMessageContaining("3x2").hasMessageContaining("3x5");
        assertThatThrownBy(() -> KernelLibrary.run("qr_r", new Tile[] {Tile.zeros(3, 2), Tile.zeros(3, 5)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qr_r").hasMessageContaining("3x2").hasMessageContaining("3x5");
        assertThatThrownBy(() -> KernelLibrary.run("argmin_n", new Tile[] {Tile.zeros(3, 3)}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argmin_n").hasMessageContaining("3x3");
    }

    @Test
    void arityIsChecked() {
        assertThatThrownBy(() -> KernelLibrary.run("map_scale", new Tile[] {Tile.zeros(1, 1)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("map_scale takes 1 scalars, got 0");
        assertThatThrownBy(() -> KernelLibrary.run("row_max", new Tile[0], NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row_max got no tile");
        assertThatThrownBy(() -> KernelLibrary.run("zip_add", new Tile[] {Tile.zeros(1, 1)}, NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zip_add takes 2 tiles, got 1");
    }

    @Test
    void argReductionsBreakTiesTowardsTheSmallerIndex() {
        // two tiles of one tile row; tile index 2 of width 4: global columns 8, 9 and 12, 13, 14
        Tile a = Tile.wrap(2, 2, new double[] {5, 1, 1, 7});
        Tile b = Tile.wrap(2, 3, new double[] {1, 1, 5, 7, 1, 1});
        Tile min = KernelLibrary.run("row_argmin", new Tile[] {a, b}, new double[] {2, 4})[0];
        assertThat(min.values()).containsExactly(1, 1, 9, 8); // row 0: 1 at 9, 12, 14; row 1: 1 at 8, 12, 14
        Tile max = KernelLibrary.run("row_argmax", new Tile[] {a, b}, new double[] {2, 4})[0];
        assertThat(max.values()).containsExactly(5, 7, 8, 9);

        Tile at = Tile.wrap(2, 2, new double[] {5, 1, 1, 7});
        Tile bt = Tile.wrap(3, 2, new double[] {1, 5, 1, 1, 7, 1});
        Tile colMin = KernelLibrary.run("col_argmin", new Tile[] {at, bt}, new double[] {2, 4})[0];
        assertThat(colMin.rows()).isEqualTo(2);
        assertThat(colMin.values()).containsExactly(1, 9, 1, 8);

        Tile p = Tile.wrap(2, 2, new double[] {3, 3, 7, 4});
        Tile q = Tile.wrap(2, 2, new double[] {3, 2, 5, 9});
        assertThat(KernelLibrary.run("argmin_n", new Tile[] {p, q}, new double[] {0})[0].values()).containsExactly(3, 2, 5, 9);
        assertThat(KernelLibrary.run("argmax_n", new Tile[] {p, q}, new double[] {0})[0].values()).containsExactly(3, 3, 5, 4);
        Tile pr = Tile.wrap(2, 2, new double[] {3, 7, 3, 4});
        Tile qr = Tile.wrap(2, 2, new double[] {3, 5, 2, 9});
        assertThat(KernelLibrary.run("argmin_n", new Tile[] {pr, qr}, new double[] {1})[0].values()).containsExactly(3, 5, 2, 9);
    }

    @Test
    void norm2NeitherOverflowsNorUnderflows() {
        Tile big = row(3e200, 4e200);
        assertThat(KernelLibrary.run("row_norm2", new Tile[] {big}, NONE)[0].get(0, 0)).isCloseTo(5e200, within(1e188));
        assertThat(KernelLibrary.run("col_norm2", new Tile[] {col(3e200), col(4e200)}, NONE)[0].get(0, 0)).isCloseTo(5e200, within(1e188));
        Tile tiny = Tile.wrap(2, 2, new double[] {3e-200, 1, 4e-200, 1});
        Tile norms = KernelLibrary.run("row_norm2", new Tile[] {tiny}, NONE)[0];
        assertThat(norms.get(0, 0)).isCloseTo(5e-200, within(1e-212));
        assertThat(norms.get(1, 0)).isCloseTo(Math.sqrt(2), within(1e-15));
        assertThat(KernelLibrary.run("row_norm2", new Tile[] {row(Double.NaN, Double.POSITIVE_INFINITY)}, NONE)[0].get(0, 0))
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(KernelLibrary.run("norm2_n", new Tile[] {col(3e-200), col(4e-200)}, NONE)[0].get(0, 0)).isCloseTo(5e-200, within(1e-212));
    }

    @Test
    void qrRGivesTheGramMatrixWithNonNegativeDiagonal() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 5;
        Tile[] in = {rand(random, 4, n), rand(random, 7, n), rand(random, 1, n)};
        Tile r = KernelLibrary.run("qr_r", in, NONE)[0];
        for (int i = 0; i < n; i++) {
            assertThat(r.get(i, i)).isGreaterThanOrEqualTo(0);
            for (int j = 0; j < i; j++) {
                assertThat(r.get(i, j)).isZero();
            }
            for (int j = 0; j < n; j++) {
                double gram = 0;
                double rtr = 0;
                for (Tile t : in) {
                    for (int p = 0; p < t.rows(); p++) {
                        gram += t.get(p, i) * t.get(p, j);
                    }
                }
                for (int p = 0; p < n; p++) {
                    rtr += r.get(p, i) * r.get(p, j);
                }
                assertThat(rtr).isCloseTo(gram, within(1e-13));
            }
        }
        // fewer stacked rows than columns: rows of R below the stack's height are zero
        Tile wide = KernelLibrary.run("qr_r", new Tile[] {rand(random, 2, n)}, NONE)[0];
        for (int i = 2; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(wide.get(i, j)).isZero();
            }
        }
    }

    @Test
    void transposeOfLargerThanOneBlock() {
        SplittableRandom random = new SplittableRandom(3);
        Tile x = rand(random, 70, 45);
        Tile t = KernelLibrary.run("transpose", new Tile[] {x}, NONE)[0];
        assertThat(t.rows()).isEqualTo(45);
        assertThat(t.cols()).isEqualTo(70);
        for (int i = 0; i < 70; i++) {
            for (int j = 0; j < 45; j++) {
                assertThat(t.get(j, i)).isEqualTo(x.get(i, j));
            }
        }
    }

    private static Tile rand(SplittableRandom random, int r, int c) {
        double[] v = new double[r * c];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        return Tile.wrap(r, c, v);
    }
}
