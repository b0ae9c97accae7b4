package org.wren4j.exec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.state.MemoryRuntimeState;
import org.wren4j.planner.lambdapack.ProgramCodec;
import org.wren4j.planner.library.Programs;
import org.wren4j.tiles.MemoryObjectStore;
import org.wren4j.tiles.StoredTiles;

/** Job specs survive the trip through bytes and the object store, and registries load them by id. */
class JobSpecStoreTest {
    private static JobSpec cholesky(String id) {
        return new JobSpec(id, "cholesky of A", Programs.cholesky(), Map.of("N", 7L), Map.of(
                "A", new MatrixBinding("in/A", 700, 700, 100, StoredTiles.LOWER_MIRRORED),
                "O", new MatrixBinding("out/L", 700, 700, 100, StoredTiles.LOWER_TRIANGLE),
                "S", MatrixBinding.temporary("tmp/" + id + "/S")));
    }

    @Test
    void roundTripKeepsEveryField() {
        JobSpec spec = cholesky("job-1").asDryRun();
        JobSpec back = JobSpecCodec.decode(JobSpecCodec.encode(spec));
        assertThat(back.jobId()).isEqualTo("job-1");
        assertThat(back.operation()).isEqualTo("cholesky of A");
        assertThat(back.dryRun()).isTrue();
        assertThat(back.args()).isEqualTo(spec.args());
        assertThat(back.bindings()).isEqualTo(spec.bindings());
        assertThat(ProgramCodec.encode(back.program())).isEqualTo(ProgramCodec.encode(spec.program()));
        assertThat(JobSpecCodec.encode(back)).isEqualTo(JobSpecCodec.encode(spec));
        assertThat(JobSpecCodec.decode(JobSpecCodec.encode(cholesky("x"))).dryRun()).isFalse();
        assertThat(JobSpecCodec.decode(JobSpecCodec.encode(cholesky("x"))).simulated()).isFalse();
        assertThat(JobSpecCodec.decode(JobSpecCodec.encode(cholesky("y").asSimulated(37.5))).simulatedGflops()).isEqualTo(37.5);
    }

    @Test
    void storedTilesKeepTheirWireCodesSoVersion2SpecsStillDecode() {
        // the codes are the ordinals of the former exec.job.Structure (GENERAL, LOWER, UPPER, SYMMETRIC)
        Map<StoredTiles, Integer> codes = Map.of(StoredTiles.ALL, 0, StoredTiles.LOWER_TRIANGLE, 1, StoredTiles.UPPER_TRIANGLE, 2,
                StoredTiles.LOWER_MIRRORED, 3);
        for (var e : codes.entrySet()) {
            byte[] bytes = JobSpecCodec.encode(withLastBinding(e.getKey()));
            assertThat(bytes[2]).isEqualTo((byte) 2);
            assertThat(bytes[bytes.length - 1]).isEqualTo(e.getValue().byteValue()); // "S" sorts last
            assertThat(JobSpecCodec.decode(bytes).binding("S").storedTiles()).isEqualTo(e.getKey());
        }
        byte[] unknown = JobSpecCodec.encode(withLastBinding(StoredTiles.ALL));
        unknown[unknown.length - 1] = 9;
        assertThatThrownBy(() -> JobSpecCodec.decode(unknown)).hasMessageContaining("unknown stored-tiles code 9");
    }

    private static JobSpec withLastBinding(StoredTiles tiles) {
        return new JobSpec("job-w", "cholesky of A", Programs.cholesky(), Map.of("N", 7L), Map.of(
                "A", new MatrixBinding("in/A", 700, 700, 100, StoredTiles.ALL),
                "O", new MatrixBinding("out/L", 700, 700, 100, StoredTiles.ALL),
                "S", new MatrixBinding("tmp/S", 700, 700, 100, tiles)));
    }

    @Test
    void rejectsBytesThatAreNotASpec() {
        assertThatThrownBy(() -> JobSpecCodec.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an encoded job spec");
        byte[] good = JobSpecCodec.encode(cholesky("job-2"));
        byte[] cut = java.util.Arrays.copyOf(good, good.length / 2);
        assertThatThrownBy(() -> JobSpecCodec.decode(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void aRegistryLoadsJobsOtherProcessesStored() {
        var objects = new MemoryObjectStore();
        var specs = new JobSpecStore(objects);
        specs.put(cholesky("job-3")).toCompletableFuture().join();
        var state = new MemoryRuntimeState();
        state.startJob("job-3", 84, JobKey.generate(cholesky("job-3")).encode()).toCompletableFuture().join();
        var elsewhere = new JobRegistry(new JobSpecStore(objects), state);
        JobRegistry.Entry e = elsewhere.get("job-3");
        assertThat(e.spec().bindings().get("O").storeMatrix()).isEqualTo("out/L");
        assertThat(e.analysis().taskCount()).isEqualTo(7 + 21 + 56);
        assertThat(elsewhere.get("job-3")).isSameAs(e);
        assertThat(elsewhere.find("job-none")).isNull();
        assertThatThrownBy(() -> elsewhere.get("job-none")).isInstanceOf(NoSuchElementException.class);
        assertThat(new JobRegistry().find("job-3")).isNull();
    }

    /**
     * A store that answers "no such object" for the spec of a job the runtime state knows as
     * running (a store restarting on its data) is not a job that is gone: the message is retried,
     * never dropped. A job the state does not know, or no longer runs, stays unknown.
     */
    @Test
    void aRunningJobWhoseSpecIsMissingForNowIsATransientErrorNotAnUnknownJob() {
        var objects = new MemoryObjectStore();
        var state = new MemoryRuntimeState();
        state.startJob("job-4", 84, JobKey.generate(cholesky("job-4")).encode()).toCompletableFuture().join();
        var registry = new JobRegistry(new JobSpecStore(objects), state);
        assertThatThrownBy(() -> registry.find("job-4")).isInstanceOf(org.wren4j.tiles.TransientStoreException.class)
                .hasMessageContaining("job-4").hasMessageContaining("restarting");
        new JobSpecStore(objects).put(cholesky("job-4")).toCompletableFuture().join();
        assertThat(registry.find("job-4")).isNotNull();

        state.startJob("job-5", 84, JobKey.generate(cholesky("job-5")).encode()).toCompletableFuture().join();
        state.cancel("job-5").toCompletableFuture().join();
        assertThat(registry.find("job-5")).as("a cancelled job without a spec").isNull();
        assertThat(registry.find("job-never")).isNull();
    }
}
