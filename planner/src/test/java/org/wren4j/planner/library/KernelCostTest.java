package org.wren4j.planner.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.library.KernelCost.Operand;

class KernelCostTest {
    private static final double EPS = 1e-9;

    private static Operand t(String name, long rows, long cols) {
        return new Operand(name, rows, cols);
    }

    private static double flops(String kernel, Operand... in) {
        return KernelCost.flops(kernel, List.of(in));
    }

    @Test
    void choleskyIsACubeOverThree() {
        assertThat(flops("chol", t("a", 1024, 1024))).isCloseTo(1024.0 * 1024 * 1024 / 3, within(EPS));
        // a ragged last diagonal tile: n = 300
        assertThat(flops("chol", t("a", 300, 300))).isCloseTo(300.0 * 300 * 300 / 3, within(EPS));
    }

    @Test
    void panelSolveOfCholeskyIsRowsTimesEdgeSquared() {
        // X L^-T: B is m x n (ragged row tile m = 300), L is n x n
        assertThat(flops("trsm_rlt", t("l", 512, 512), t("b", 300, 512))).isCloseTo(300.0 * 512 * 512, within(EPS));
    }

    @Test
    void triangularSolvesCountTheTriangleOnTheirSide() {
        // left: T m x m, B m x n -> m^2 n
        assertThat(flops("trsm_lln", t("t", 300, 300), t("b", 300, 1024))).isCloseTo(300.0 * 300 * 1024, within(EPS));
        assertThat(flops("trsm_llt", t("t", 300, 300), t("b", 300, 1024))).isCloseTo(300.0 * 300 * 1024, within(EPS));
        assertThat(flops("trsm_lun", t("t", 512, 512), t("b", 512, 77))).isCloseTo(512.0 * 512 * 77, within(EPS));
        // right: B m x n, T n x n -> m n^2
        assertThat(flops("trsm_run", t("t", 77, 77), t("b", 512, 77))).isCloseTo(512.0 * 77 * 77, within(EPS));
        assertThat(flops("trsm_rut", t("t", 77, 77), t("b", 512, 77))).isCloseTo(512.0 * 77 * 77, within(EPS));
    }

    @Test
    void symmetricUpdateOfOneTileFormsTheLowerHalfOnly() {
        // C - A A^T with A n x k: dsyrk, n (n + 1) k
        assertThat(flops("syrk_update", t("c", 1024, 1024), t("o[3,1]", 1024, 512), t("o[3,1]", 1024, 512)))
                .isCloseTo(1024.0 * 1025 * 512, within(EPS));
        // C - A B^T with distinct tiles (A m x k, B n x k, ragged m = 300): a gemm, 2 m n k + m n for the subtraction
        assertThat(flops("syrk_update", t("c", 300, 1024), t("o[4,1]", 300, 512), t("o[3,1]", 1024, 512)))
                .isCloseTo(2.0 * 300 * 1024 * 512 + 300.0 * 1024, within(EPS));
    }

    @Test
    void productsAreTwoMnk() {
        assertThat(flops("gemm", t("a", 300, 200), t("b", 200, 100))).isCloseTo(2.0 * 300 * 200 * 100, within(EPS));
        assertThat(flops("gemm_acc", t("c", 300, 100), t("a", 300, 200), t("b", 200, 100)))
                .isCloseTo(2.0 * 300 * 200 * 100 + 300 * 100, within(EPS));
        assertThat(flops("gemm_sub_nn", t("c", 300, 100), t("a", 300, 200), t("b", 200, 100)))
                .isCloseTo(2.0 * 300 * 200 * 100 + 300 * 100, within(EPS));
        // C - A^T B: A k x m, B k x n
        assertThat(flops("gemm_sub_tn", t("c", 300, 100), t("a", 200, 300), t("b", 200, 100)))
                .isCloseTo(2.0 * 300 * 200 * 100 + 300 * 100, within(EPS));
        // C - A B^T: A m x k, B n x k
        assertThat(flops("gemm_sub_nt", t("c", 300, 100), t("a", 300, 200), t("b", 100, 200)))
                .isCloseTo(2.0 * 300 * 200 * 100 + 300 * 100, within(EPS));
        // reduction leaves: one product per pair, ragged last pair
        assertThat(flops("gemm_sum", t("a0", 64, 64), t("b0", 64, 32), t("a1", 64, 10), t("b1", 10, 32)))
                .isCloseTo(2.0 * 64 * 32 * 64 + 2.0 * 64 * 32 * 10, within(EPS));
        assertThat(flops("gemm_tn_sum", t("a0", 64, 16), t("b0", 64, 16))).isCloseTo(2.0 * 16 * 16 * 64, within(EPS));
    }

    @Test
    void factorizationsUseTheTextbookCounts() {
        // Householder QR of m x n (m >= n): 2 n^2 (m - n/3)
        assertThat(flops("qr_factor", t("a", 1000, 300))).isCloseTo(2.0 * 300 * 300 * (1000 - 100), within(EPS));
        assertThat(flops("qr_r", t("a", 600, 300), t("b", 400, 300))).isCloseTo(2.0 * 300 * 300 * (1000 - 100), within(EPS));
        assertThat(flops("qr_pair_factor", t("r1", 300, 300), t("r2", 300, 300))).isCloseTo(2.0 * 300 * 300 * (600 - 100), within(EPS));
        // LQ of m x n is the QR of the n x m transpose
        assertThat(flops("lq_factor", t("a", 300, 1000))).isCloseTo(2.0 * 300 * 300 * (1000 - 100), within(EPS));
        // applying a block reflector with K reflectors of length m to c columns: 4 m K c
        assertThat(flops("qr_leaf_qt", t("h", 1300, 300), t("c", 1000, 50))).isCloseTo(4.0 * 1000 * 300 * 50, within(EPS));
        assertThat(flops("qr_pair_q", t("h", 900, 300), t("top", 300, 50), t("bottom", 300, 50))).isCloseTo(4.0 * 600 * 300 * 50, within(EPS));
        // GEPP of m x n: m n^2 - n^3/3
        assertThat(flops("lu_cand", t("a", 600, 300), t("b", 400, 300))).isCloseTo(1000.0 * 300 * 300 - 300.0 * 300 * 300 / 3, within(EPS));
        assertThat(flops("lu_diag", t("p", 300, 302), t("x", 300, 300))).isCloseTo(300.0 * 300 * 300 * 2 / 3, within(EPS));
        assertThat(flops("lu_l", t("p", 300, 302), t("xkk", 300, 300), t("xik", 100, 300), t("u", 300, 300)))
                .isCloseTo(100.0 * 300 * 300, within(EPS));
        assertThat(flops("lu_update", t("p", 300, 302), t("xkj", 300, 50), t("xij", 100, 50), t("l", 100, 300), t("u", 300, 50)))
                .isCloseTo(2.0 * 100 * 50 * 300 + 100 * 50, within(EPS));
    }

    @Test
    void elementwiseAndUnknownKernelsCountOnePerElementRead() {
        assertThat(flops("zip_add", t("x", 300, 200), t("y", 300, 200))).isCloseTo(2.0 * 300 * 200, within(EPS));
        assertThat(flops("transpose", t("x", 300, 200))).isCloseTo(300.0 * 200, within(EPS));
        assertThat(flops("row_sum", t("x", 300, 200), t("y", 300, 10))).isCloseTo(300.0 * 210, within(EPS));
        assertThat(flops("a_kernel_from_the_future", t("x", 30, 20), t("y", 5, 5))).isCloseTo(625, within(EPS));
    }

    @Test
    void everyCatalogueKernelHasAFiniteNonNegativeCount() {
        for (KernelSpec spec : KernelSpecs.all().values()) {
            int n = spec.variadic() ? 4 : spec.inputs();
            List<Operand> in = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                in.add(t("t" + i, 64, 64));
            }
            double f = KernelCost.flops(spec.name(), in);
            assertThat(f).as(spec.name()).isFinite().isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void tooFewInputsAreRejected() {
        assertThatThrownBy(() -> flops("gemm", t("a", 2, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gemm reads 2 tiles");
    }
}
