package org.wren4j.exec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.planner.library.Programs;
import org.wren4j.tiles.MemoryObjectStore;
import org.wren4j.tiles.StoredTiles;

/** A job's tasks touch only its own temporaries and the inputs and outputs it declared. */
class TileScopeTest {
    private static JobSpec spec(String input, String output, String temporary) {
        return new JobSpec("job-1", "cholesky of A", Programs.cholesky(), Map.of("N", 3L), Map.of(
                "A", new MatrixBinding(input, 30, 30, 10, StoredTiles.ALL),
                "O", new MatrixBinding(output, 30, 30, 10, StoredTiles.LOWER_TRIANGLE),
                "S", MatrixBinding.temporary(temporary)));
    }

    @Test
    void ownTemporariesAndDeclaredMatricesPass() {
        assertThatCode(() -> TileScope.check(spec("A", "results/L", "tmp/job-1/S"))).doesNotThrowAnyException();
        assertThatCode(() -> TileScope.check(spec("tmp/job-1/in", "L", "tmp/job-1/S/deep"))).doesNotThrowAnyException();
    }

    @Test
    void anythingElseIsRefusedNamingTheJobTheMatrixAndTheName() {
        assertThatThrownBy(() -> TileScope.check(spec("A", "L", "tmp/job-2/S")))
                .isInstanceOf(TileScope.OutOfScopeException.class)
                .hasMessageContaining("job job-1").hasMessageContaining("matrix S (temp)").hasMessageContaining("'tmp/job-2/S'")
                .hasMessageContaining("under tmp/job-1/");
        assertThatThrownBy(() -> TileScope.check(spec("A", "L", "S"))).hasMessageContaining("under tmp/job-1/");
        assertThatThrownBy(() -> TileScope.check(spec("A", "L", "tmp/job-10/S"))).hasMessageContaining("under tmp/job-1/");
        assertThatThrownBy(() -> TileScope.check(spec("tmp/job-2/S", "L", "tmp/job-1/S")))
                .hasMessageContaining("matrix A (input)").hasMessageContaining("another job's temporary");
        assertThatThrownBy(() -> TileScope.check(spec("A", "wren4j-jobs/x", "tmp/job-1/S")))
                .hasMessageContaining("matrix O (output)").hasMessageContaining("job specs");
        for (String bad : new String[] {"../A", "a/../../A", "/etc/A", "a//b", "a/", "", "a/./b", "a\\..\\b", "a\u0000b",
                "tmp/job-1/../job-2/S"}) {
            assertThatThrownBy(() -> TileScope.check(spec(bad, "L", "tmp/job-1/S"))).as(bad)
                    .isInstanceOf(TileScope.OutOfScopeException.class).hasMessageContaining("matrix A");
        }
        assertThatThrownBy(() -> TileScope.check(spec("A", "L", "tmp/job-1/../job-2/S"))).hasMessageContaining("matrix S");
    }

    /**
     * The check sits where a spec becomes a runnable job: a client cannot submit such a job, and a
     * worker treats a stored one as unknown, even one its key certifies.
     */
    @Test
    void registriesRefuseOutOfScopeSpecsFromClientAndStore() {
        JobSpec outside = spec("A", "L", "tmp/job-2/S");
        assertThatThrownBy(() -> new JobRegistry().register(outside, JobKey.generate(outside)))
                .isInstanceOf(TileScope.OutOfScopeException.class);
        var objects = new MemoryObjectStore();
        var specs = new JobSpecStore(objects);
        var state = new MemoryRuntimeState();
        specs.put(outside).toCompletableFuture().join();
        state.startJob("job-1", 10, JobKey.generate(outside).encode()).toCompletableFuture().join();
        assertThat(new JobRegistry(specs, state).find("job-1")).isNull();
    }
}
