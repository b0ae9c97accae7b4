package org.wren4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's correctness checks pass on right answers and fail on wrong ones, and the whole
 * benchmark at tiny sizes on local[2] gives results both sides pass.
 */
class MllibBenchTest {
    @Test
    void vectorCheckPassesTheReferenceAndFailsAPerturbationOrANaN() {
        double[] expected = {1.5, -2.0, 3.25};
        assertThat(MllibBench.vectorCheck(expected.clone(), expected, 1e-10).ok()).isTrue();
        assertThat(MllibBench.vectorCheck(new double[] {1.5, -2.0, 3.25 + 1e-6}, expected, 1e-10).ok()).isFalse();
        assertThat(MllibBench.vectorCheck(new double[] {1.5, Double.NaN, 3.25}, expected, 1e-10).ok()).isFalse();
        assertThat(MllibBench.vectorCheck(new double[] {1.5, -2.0}, expected, 1e-10).ok()).isFalse();
    }

    @Test
    void rCheckPassesTheCholeskyFactorOfTheGramAndFailsAPerturbedOrNonTriangularOne() {
        // G = [X y]^T [X y] of 50 generated rows with 3 features; its Cholesky factor is an R of X's QR.
        int cols = 3;
        double[][] g = new double[cols + 1][cols + 1];
        double[] v = new double[cols + 1];
        for (long r = 0; r < 50; r++) {
            MllibBench.Gen.row(r, cols, v);
            for (int i = 0; i <= cols; i++) {
                for (int j = 0; j <= cols; j++) {
                    g[i][j] += v[i] * v[j];
                }
            }
        }
        MllibBench.Data d = new MllibBench.Data(null, 50, cols, g);
        double[][] r = new double[cols][cols];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i <= j; i++) {
                double s = g[i][j];
                for (int k = 0; k < i; k++) {
                    s -= r[k][i] * r[k][j];
                }
                r[i][j] = i == j ? Math.sqrt(s) : s / r[i][i];
            }
        }
        assertThat(MllibBench.rCheck(r, d).ok()).isTrue();
        double[][] flipped = {r[0].clone(), r[1].clone(), r[2].clone()};
        for (int j = 0; j < cols; j++) {
            flipped[1][j] = -flipped[1][j]; // a row's sign is R's freedom
        }
        assertThat(MllibBench.rCheck(flipped, d).ok()).isTrue();
        double[][] off = {r[0].clone(), r[1].clone(), r[2].clone()};
        off[1][2] *= 1 + 1e-6;
        assertThat(MllibBench.rCheck(off, d).ok()).isFalse();
        double[][] lower = {r[0].clone(), r[1].clone(), r[2].clone()};
        lower[2][0] = 1e-3;
        assertThat(MllibBench.rCheck(lower, d).ok()).isFalse();
    }

    @Test
    void gemmRowErrorPassesTheReferenceRowAndFailsAPerturbedOne() {
        int n = 64;
        double[][] ref = MllibBench.GemmInputs.referenceRow(n, 5);
        assertThat(MllibBench.GemmInputs.rowError(ref[0].clone(), ref)).isZero();
        double[] wrong = ref[0].clone();
        wrong[17] += 1e-9 * ref[1][17];
        assertThat(MllibBench.GemmInputs.rowError(wrong, ref)).isGreaterThan(MllibBench.GemmInputs.TOLERANCE);
        wrong[17] = Double.NaN;
        assertThat(MllibBench.GemmInputs.rowError(wrong, ref)).isNaN();
    }

    @Test
    void everyCaseAtTinySizesPassesItsChecksOnBothSides(@TempDir Path dir) {
        try (WrenSpark ws = WrenSpark.create(LocalSpark.get(), SharedStore.directory(dir), b -> b.workers(2))) {
            List<MllibBench.Result> results = MllibBench.run(ws, List.of("load", "gram", "linreg", "tsqr", "gemm"), 1000, 4, 128, 2, 256, 64, false);
            assertThat(results).hasSize(5);
            for (MllibBench.Result r : results) {
                assertThat(r.mllib().ok()).as("%s on MLlib: %s", r.name(), r.json()).isTrue();
                assertThat(r.wren().ok()).as("%s on wren4j: %s", r.name(), r.json()).isTrue();
                assertThat(r.mllibSeconds()).isPositive();
                assertThat(r.wrenSeconds()).isPositive();
            }
            assertThat(MllibBench.table(results)).contains("gram+ridge", "linreg-normal", "tsqr", "gemm").doesNotContain("FAILED");
        }
    }
}
