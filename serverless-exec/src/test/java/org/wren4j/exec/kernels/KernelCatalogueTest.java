package org.wren4j.exec.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wren4j.planner.interp.ReferenceKernels;
import org.wren4j.planner.library.KernelSpecs;
import org.wren4j.tiles.Tile;

/**
 * Every kernel of the catalogue against the planner's plain-Java reference on the same seeded
 * random inputs: bit-exact where the kernel does the reference's own arithmetic, within 1e-12
 * relative to the largest reference value where BLAS/LAPACK (or a sum of squares) reorders it.
 * The LU tournament ({@code lu_cand}, {@code lu_cand_merge}) and {@code lu_pick} are exact: pivot
 * choices and row sources, on inputs without ties (see {@link LuCandidates} for ties).
 */
class KernelCatalogueTest {
    private static final double TOLERANCE = 1e-12;

    /** Kernels whose result may differ from the reference by rounding (and all trsm_*). */
    private static final Set<String> ROUNDED = Set.of("chol", "syrk_update", "gemm", "gemm_acc", "gemm_sum", "gemm_tn_sum",
            "gemm_sub_nn", "gemm_sub_tn", "gemm_sub_nt", "row_norm2", "col_norm2", "qr_r",
            "qr_factor", "qr_leaf_qt", "qr_leaf_q", "qr_pair_factor", "qr_pair_qt", "qr_pair_q",
            "lq_factor", "lq_leaf_apply", "lq_pair_factor", "lq_pair_apply", "lu_diag", "lu_l", "lu_update");

    static Stream<Arguments> kernelsAndShapes() {
        return KernelSpecs.names().stream()
                .flatMap(name -> IntStream.range(0, KernelInputs.CASES).mapToObj(c -> Arguments.of(name, c)));
    }

    @Test
    void everyCatalogueKernelIsImplementedAndNothingElse() {
        assertThat(KernelLibrary.names()).containsExactlyInAnyOrderElementsOf(KernelSpecs.names());
    }

    @Test
    void roundedKernelsAreCatalogueKernels() {
        assertThat(KernelSpecs.names()).containsAll(ROUNDED);
    }

    @ParameterizedTest(name = "{0} shape case {1}")
    @MethodSource("kernelsAndShapes")
    void agreesWithTheReference(String kernel, int shapeCase) {
        KernelInputs.Inputs in = KernelInputs.of(kernel, shapeCase);
        Tile[] copies = new Tile[in.tiles().length];
        for (int p = 0; p < copies.length; p++) {
            Tile t = in.tiles()[p];
            copies[p] = Tile.wrap(t.rows(), t.cols(), t.values().clone());
        }

        Tile[] out = KernelLibrary.run(kernel, in.tiles(), in.scalars());
        Tile[] again = KernelLibrary.run(kernel, in.tiles(), in.scalars());

        assertThat(in.tiles()).as("inputs are not mutated").containsExactly(copies);
        assertThat(again).as("deterministic").containsExactly(out);

        List<double[][]> dense = new ArrayList<>();
        for (Tile t : in.tiles()) {
            double[][] a = new double[t.rows()][t.cols()];
            t.copyInto(a, 0, 0);
            dense.add(a);
        }
        List<double[][]> expected = ReferenceKernels.apply(kernel, dense, in.scalars());
        assertThat(out).hasSize(expected.size());
        for (int o = 0; o < out.length; o++) {
            assertAgree(kernel, expected.get(o), out[o], !rounded(kernel));
        }
    }

    private static boolean rounded(String kernel) {
        return ROUNDED.contains(kernel) || kernel.startsWith("trsm_");
    }

    private static void assertAgree(String kernel, double[][] expected, Tile actual, boolean exact) {
        int rows = expected.length;
        int cols = expected[0].length;
        assertThat(actual.rows() + "x" + actual.cols()).as("%s output shape", kernel).isEqualTo(rows + "x" + cols);
        double scale = 0;
        for (double[] row : expected) {
            for (double x : row) {
                if (Double.isFinite(x)) {
                    scale = Math.max(scale, Math.abs(x));
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double e = expected[i][j];
                double a = actual.get(i, j);
                if (Double.compare(a, e) == 0) {
                    continue;
                }
                boolean close = Double.isFinite(a) && Double.isFinite(e) && Math.abs(a - e) <= TOLERANCE * scale;
                if (exact || !close) {
                    fail("%s (%d,%d) of %dx%d: expected %s, got %s (%s)", kernel, i, j, rows, cols, e, a,
                            exact ? "must be bit-exact" : "tolerance " + TOLERANCE + " x " + scale);
                }
            }
        }
    }
}
