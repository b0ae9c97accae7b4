package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobFailedException;
import org.wren4j.exec.testing.CholeskyCase;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;
import org.wren4j.tiles.TileStore;

/**
 * Cholesky jobs on the embedded engine whose input holds NaN or +Inf, or is finite but overflows
 * inside a kernel: each fails at once with one line naming the operation, the task, the stored tile
 * and the cause, instead of finishing with NaN in the factor.
 */
class NonFiniteJobTest {
    private static final CholeskyCase CASE = new CholeskyCase(8, 4, 5);
    private TileStore store;
    private ExecEngine engine;

    @BeforeEach
    void start() {
        store = TileStore.inMemory();
        engine = ExecEngine.embedded(store, EngineConfig.defaults().withMaxWorkers(2));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private String failure(String jobId) {
        engine.submit(CASE.spec(jobId, "a", "l"));
        JobFailedException e = catchThrowableOfType(
                () -> engine.await(jobId, Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE), JobFailedException.class);
        assertThat(e).as("the job fails").isNotNull();
        assertThat(e.getMessage()).as("one line").doesNotContain("\n").startsWith("cholesky failed at task ")
                .doesNotContain("gave up after");
        return e.getMessage();
    }

    /** Writes the case's input with element (row, col) and its mirror set to {@code value}. */
    private void writeInputWith(int row, int col, double value) {
        double[] a = CASE.matrix();
        a[col * CASE.n() + row] = value;
        a[row * CASE.n() + col] = value;
        CASE.writeInput(store, "a", a);
    }

    @Test
    void nanBelowTheDiagonalFailsNamingTheTileAndElement() {
        writeInputWith(5, 2, Double.NaN);
        assertThat(failure("nan"))
                .contains("trsm_rlt")
                .contains("input S[0, 1, 0] = tile (1, 0) of a holds NaN at row 1, column 2 of the tile (element (5, 2) of a)");
    }

    @Test
    void infinityOnTheDiagonalFailsNamingIt() {
        writeInputWith(2, 2, Double.POSITIVE_INFINITY);
        assertThat(failure("inf"))
                .contains("= chol(")
                .contains("tile (0, 0) of a holds +Inf at row 2, column 2")
                .doesNotContain("positive definite");
    }

    @Test
    void finiteInputThatOverflowsInTheTriangularSolveFailsAsOverflow() {
        // A00 = 1e-300 I (L00 = 1e-150 I), A10 = 1e200: L10 = A10 L00^-T = 1e350 overflows
        for (long i = 0; i < 2; i++) {
            for (long j = 0; j < 2; j++) {
                double[] v = new double[16];
                for (int d = 0; d < 4; d++) {
                    v[d * 4 + d] = i == j ? (i == 0 ? 1e-300 : 1) : 0;
                }
                if (i != j) {
                    Arrays.fill(v, 1e200);
                }
                store.write(TileKey.of("a", i, j), Tile.wrap(4, 4, v)).toCompletableFuture().join();
            }
        }
        assertThat(failure("overflow"))
                .contains("overflow: result O[1, 0] = tile (1, 0) of l holds +Inf at row 0, column 0")
                .contains("though every input is finite");
    }
}
