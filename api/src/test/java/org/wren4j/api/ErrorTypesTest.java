package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wren4j.tiles.MemoryObjectStore;

/**
 * Each error a user can meet comes as the {@link WrenException} subtype that says what to do, with
 * one line in the user's terms (their matrix's name or what made it, the operation, the tile),
 * the technical account in {@link WrenException#detail()}, and the cause kept.
 */
class ErrorTypesTest {
    /** Symmetric, with a negative eigenvalue in its second diagonal tile (block 2). */
    private static double[][] indefinite() {
        return new double[][] {{4, 1, 0, 0}, {1, 3, 0, 0}, {0, 0, 1, 2}, {0, 0, 2, 1}};
    }

    @Test
    void shapesThatDoNotFitAreAShapeExceptionAtOnce() {
        try (Wren wren = Wren.builder().workers(1).build()) {
            BlockMatrix a = wren.zeros(3, 4, 2);
            BlockMatrix b = wren.zeros(5, 2, 2);
            ShapeException e = catchThrowableOfType(() -> a.matmul(b), ShapeException.class);
            assertThat(e).hasMessageContaining("3x4").hasMessageContaining("5x2").hasMessageNotContaining("\n");
            assertThat(e.getCause()).isNotNull();
            assertThat(catchThrowableOfType(() -> a.inv(), ShapeException.class)).hasMessageContaining("inv");
        }
    }

    @Test
    void notPositiveDefiniteNamesWhatMadeTheMatrixAndTheTile() {
        try (Wren wren = Wren.builder().workers(2).build()) {
            BlockMatrix l = wren.fromArray(indefinite(), 2).asSpd().cholesky();
            SingularMatrixException e = catchThrowableOfType(l::compute, SingularMatrixException.class);
            assertThat(e.getMessage()).startsWith("cholesky failed: not positive definite")
                    .contains("the matrix from fromArray()").contains("tile (1, 1)")
                    .doesNotContain("chol(").doesNotContain("\n").doesNotMatch(".*s[0-9a-f]{6,}/m[0-9]+.*");
            assertThat(e.detail()).contains("at task").contains("chol("); // the program task stays for a report
            assertThat(e.getCause()).isNotNull();
        }
    }

    @Test
    void aSavedMatrixIsNamedByItsName() {
        try (Wren wren = Wren.builder().workers(2).build()) {
            wren.fromArray(indefinite(), 2).save("covariance");
            SingularMatrixException e = catchThrowableOfType(() -> wren.open("covariance").asSpd().cholesky().compute(),
                    SingularMatrixException.class);
            assertThat(e).hasMessageContaining("of 'covariance'");
        }
    }

    @Test
    void aSingularGeneralSolveIsASingularMatrixException() {
        try (Wren wren = Wren.builder().workers(2).build()) {
            double[][] a = {{1, 2, 3}, {2, 4, 6}, {1, 0, 1}};
            BlockMatrix x = wren.fromArray(a, 2).solve(wren.fromArray(new double[][] {{1}, {2}, {3}}, 2));
            assertThat(catchThrowableOfType(x::compute, SingularMatrixException.class))
                    .hasMessageContaining("singular").hasMessageNotContaining("\n");
        }
    }

    @Test
    void nonFiniteInputIsANonFiniteExceptionNamingTheElement() {
        try (Wren wren = Wren.builder().workers(2).build()) {
            double[][] a = {{4, 1, 0, 0}, {1, 4, 1, 0}, {0, 1, 4, 1}, {0, 0, 1, 4}};
            a[3][2] = Double.NaN;
            a[2][3] = Double.NaN;
            NonFiniteException e = catchThrowableOfType(() -> wren.fromArray(a, 2).cholesky().compute(), NonFiniteException.class);
            assertThat(e).hasMessageStartingWith("cholesky failed: NaN in an input")
                    .hasMessageContaining("at element (3, 2) of the matrix from fromArray() (tile (1, 1))");
        }
    }

    @Test
    void aMissingTileIsAStorageException() {
        var objects = new MemoryObjectStore();
        try (Wren wren = Wren.builder().workers(1).maxAttempts(2).objectStore(objects, "t").build()) {
            BlockMatrix x = wren.fromArray(new double[][] {{1, 2}, {3, 4}}, 1).save("x");
            List<String> keys = objects.list("").toCompletableFuture().join();
            String tile = keys.stream().filter(k -> k.matches("t/x/[0-9a-f]{2}/0_1")).findFirst()
                    .orElseThrow(() -> new AssertionError("no tile (0, 1) of x among " + keys));
            objects.delete(tile).toCompletableFuture().join();
            assertThat(catchThrowableOfType(x::toArray, StorageException.class)).hasMessageContaining("x");
            StorageException e = catchThrowableOfType(() -> x.matmul(x).compute(), StorageException.class);
            // a missing tile is lost for good: the job fails at once rather than after its retries
            assertThat(e).hasMessageContaining("broken for good").hasMessageContaining("matrix x").hasMessageNotContaining("\n");
        }
    }

    @Test
    void servicesThatDoNotAnswerAreAServiceUnavailableException() {
        ServiceEndpoints nowhere = ServiceEndpoints.of("redis://127.0.0.1:1", "http://127.0.0.1:1", "http://127.0.0.1:1", "b");
        ServiceUnavailableException e = catchThrowableOfType(() -> Wren.builder().services(nowhere).build(), ServiceUnavailableException.class);
        assertThat(e).hasMessageContaining("Redis").hasMessageContaining("127.0.0.1:1").hasMessageNotContaining("\n");
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void everyTypeIsAWrenException() {
        for (Class<?> c : List.of(ShapeException.class, SingularMatrixException.class, NonFiniteException.class, StorageException.class,
                ServiceUnavailableException.class, JobFailedException.class)) {
            assertThat(WrenException.class).isAssignableFrom(c);
        }
    }
}
