package org.wren4j.exec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.job.JobFailedException;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.worker.WorkerConfig;
import org.wren4j.planner.library.Programs;
import org.wren4j.tiles.StoredTiles;
import org.wren4j.tiles.Tile;
import org.wren4j.tiles.TileKey;
import org.wren4j.tiles.TileStore;

/** A task that cannot read its input is retried, then fails the job naming the tile: it is never dropped. */
class JobFailureTest {
    @Test
    void missingInputTileFailsTheJobAtOnce() {
        TileStore store = TileStore.inMemory();
        // a 2x2 grid GEMM whose B[1, 1] tile was never written
        for (long i = 0; i < 2; i++) {
            for (long j = 0; j < 2; j++) {
                store.write(TileKey.of("A", i, j), Tile.zeros(3, 3)).toCompletableFuture().join();
                if (i + j < 2) {
                    store.write(TileKey.of("B", i, j), Tile.zeros(3, 3)).toCompletableFuture().join();
                }
            }
        }
        var config = EngineConfig.defaults().withMaxWorkers(2)
                .withWorker(new WorkerConfig(2, Duration.ofSeconds(10), Duration.ofMillis(500), 3, Duration.ofMillis(10)));
        try (var engine = ExecEngine.embedded(store, config)) {
            var spec = new JobSpec("missing", "matmul", Programs.gemm(), Map.of("M", 2L, "N", 2L, "K", 2L), Map.of(
                    "A", new MatrixBinding("A", 6, 6, 3, StoredTiles.ALL),
                    "B", new MatrixBinding("B", 6, 6, 3, StoredTiles.ALL),
                    "C", new MatrixBinding("C", 6, 6, 3, StoredTiles.ALL),
                    "T", MatrixBinding.temporary("tmp/missing/T")));
            engine.submit(spec);
            assertThatThrownBy(() -> engine.await("missing", Optional.of(Duration.ofMinutes(2)), ProgressListener.NONE))
                    .isInstanceOf(JobFailedException.class)
                    .hasMessageContaining("matmul failed at task")
                    .hasMessageContaining("broken for good, so the job was not retried")
                    .hasMessageContaining("not found")
                    .hasMessageContaining("B[1, 1]");
        }
    }
}
