package org.wren4j.exec.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wren4j.planner.library.KernelSpec;
import org.wren4j.planner.library.KernelSpecs;
import org.wren4j.tiles.Tile;

/**
 * Factorization and solve kernels refuse NaN and infinities in what they read and what they
 * produce, naming where; everything else propagates them as IEEE arithmetic does.
 */
class NonFiniteKernelsTest {
    private static final double[] NONE = new double[0];

    /** 3x3 SPD (diagonally dominant), column-major. */
    private static double[] spd() {
        return new double[] {4, 1, 0.5, 1, 5, 1, 0.5, 1, 6};
    }

    private static NonFiniteValueException refused(String kernel, Tile... in) {
        return catchThrowableOfType(() -> KernelLibrary.run(kernel, in, NONE), NonFiniteValueException.class);
    }

    @Test
    void solverKernelsRefuseAndTheRestPropagate() {
        for (KernelSpec spec : KernelSpecs.all().values()) {
            String n = spec.name();
            boolean solver = n.equals("chol") || n.equals("syrk_update") || n.startsWith("trsm_") || n.startsWith("gemm_sub_")
                    || n.startsWith("lu_") || n.startsWith("qr_") || n.startsWith("lq_");
            assertThat(spec.refusesNonFinite()).as(n).isEqualTo(solver);
        }
    }

    @ParameterizedTest(name = "{0} on the diagonal")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void cholRefusesANonFiniteDiagonal(double bad) {
        double[] a = spd();
        a[4] = bad; // (1, 1)
        NonFiniteValueException e = refused("chol", Tile.wrap(3, 3, a));
        assertThat(e.site()).isEqualTo(new NonFiniteValueException.Input(0));
        assertThat(List.of(e.row(), e.column())).containsExactly(1, 1);
        assertThat(e.getMessage()).doesNotContain("positive definite").contains(Double.isNaN(bad) ? "NaN" : "Inf");
    }

    @ParameterizedTest(name = "{0} below the diagonal")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
    void cholRefusesANonFiniteValueBelowTheDiagonal(double bad) {
        double[] a = spd();
        a[2] = bad; // (2, 0): +Inf makes dpotrf stop as "not positive definite"; the cause is the infinity
        NonFiniteValueException e = refused("chol", Tile.wrap(3, 3, a));
        assertThat(e.site()).isEqualTo(new NonFiniteValueException.Input(0));
        assertThat(List.of(e.row(), e.column())).containsExactly(2, 0);
    }

    @Test
    void cholIgnoresTheUpperTriangleItDoesNotRead() {
        double[] a = spd();
        a[6] = Double.NaN; // (0, 2)
        Tile l = KernelLibrary.run("chol", new Tile[] {Tile.wrap(3, 3, a)}, NONE)[0];
        assertThat(FiniteCheck.firstNonFinite(l.values())).isEqualTo(-1);
    }

    /**
     * Finite and not positive definite, yet dpotrf reports no failure: column 1 overflows to -Inf,
     * then Inf - Inf is a NaN pivot, which OpenBLAS's test {@code ajj <= 0} lets through.
     */
    @Test
    void cholRefusesAFiniteInputThatOverflowsInsidePotrf() {
        double[] a = {
            1e-300, 1, 1e3, 1e10,
            1, 2e300, 2e303, 0,
            1e3, 2e303, 1e307, 0,
            1e10, 0, 0, 1};
        NonFiniteValueException e = refused("chol", Tile.wrap(4, 4, a));
        assertThat(e.site()).isEqualTo(new NonFiniteValueException.Result(0));
        assertThat(e.getMessage()).contains("overflow").contains("every input is finite");
    }

    @Test
    void trsmRefusesAnOverflowAndNamesANaNRightHandSide() {
        Tile t = Tile.wrap(2, 2, new double[] {1e-300, 0, 0, 1e-300});
        Tile b = Tile.wrap(2, 2, new double[] {1e300, 1, 1, 1});
        NonFiniteValueException overflow = refused("trsm_rlt", t, b);
        assertThat(overflow.site()).isEqualTo(new NonFiniteValueException.Result(0));
        assertThat(overflow.getMessage()).contains("+Inf").contains("row 0, column 0");

        Tile nan = Tile.wrap(2, 2, new double[] {1, 2, Double.NaN, 4});
        NonFiniteValueException input = refused("trsm_lln", Tile.wrap(2, 2, new double[] {2, 1, 0, 3}), nan);
        assertThat(input.site()).isEqualTo(new NonFiniteValueException.Input(1));
        assertThat(List.of(input.row(), input.column())).containsExactly(0, 1);
    }

    @Test
    void luAndQrRefuseNaN() {
        Tile x = Tile.wrap(2, 2, new double[] {3, 1, Double.NaN, 2});
        // rows 0 and 1 of tile 0 as the pivot rows, with their values (the NaN among them)
        Tile pivots = Tile.wrap(2, 4, new double[] {0, 0, 0, 1, 3, 1, Double.NaN, 2});
        assertThatThrownBy(() -> KernelLibrary.run("lu_diag", new Tile[] {pivots, x}, new double[] {0}))
                .isInstanceOf(NonFiniteValueException.class).hasMessageContaining("NaN");
        assertThat(refused("qr_factor", x).site()).isEqualTo(new NonFiniteValueException.Input(0));
        assertThat(refused("qr_r", x).site()).isEqualTo(new NonFiniteValueException.Input(0));
    }

    @Test
    void productsAndElementwiseWorkPropagateAsIeee() {
        Tile a = Tile.wrap(2, 2, new double[] {1, Double.NaN, Double.POSITIVE_INFINITY, 2});
        Tile one = Tile.wrap(2, 2, new double[] {1, 0, 0, 1});
        assertThat(KernelLibrary.run("gemm", new Tile[] {a, one}, NONE)[0].get(1, 0)).isNaN();
        assertThat(KernelLibrary.run("zip_add", new Tile[] {a, one}, NONE)[0].get(0, 1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(KernelLibrary.run("gemm_tn_sum", new Tile[] {a, one}, NONE)[0].get(0, 1)).isNaN();
    }
}
