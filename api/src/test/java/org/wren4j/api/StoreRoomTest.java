package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.wren4j.tiles.ForwardingObjectStore;
import org.wren4j.tiles.MemoryObjectStore;

/**
 * Work whose tiles cannot fit in the store is refused before it starts, naming what it needs and
 * what the store has: no half-written matrix, no job dying hours in on a full disk.
 */
class StoreRoomTest {
    /** A store with a quota: its room is the quota less what it holds, as a disk's would be. */
    private static final class QuotaStore extends ForwardingObjectStore {
        private final MemoryObjectStore memory;
        private final long quota;

        QuotaStore(MemoryObjectStore memory, long quota) {
            super(memory);
            this.memory = memory;
            this.quota = quota;
        }

        @Override
        public OptionalLong usableBytes() {
            return OptionalLong.of(quota - memory.sizeBytes());
        }

        @Override
        public String describe() {
            return "quota-store";
        }
    }

    @Test
    void makingAMatrixLargerThanTheRoomIsRefusedBeforeAnyTileIsWritten() {
        var memory = new MemoryObjectStore();
        try (Wren wren = Wren.builder().objectStore(new QuotaStore(memory, 1L << 20), "t").workers(1).build()) {
            StorageException e = catchThrowableOfType(() -> wren.random(600, 400, 128, 1), StorageException.class);
            assertThat(e).hasMessage("making a 600x400 matrix (random seed 1) needs 1.9 MB in the tile store (quota-store), which has "
                    + "1.0 MB free; free some space there or use a store with more room");
            assertThat(memory.sizeBytes()).isZero();
        }
    }

    @Test
    void aJobOfMoreTasksThanTheLimitIsRefusedBeforeItStarts() {
        try (Wren wren = Wren.builder().maxTasksPerJob(500).workers(1).build()) {
            BlockMatrix a = wren.randomSpd(64, 4, 1); // 16 x 16 tiles: 816 tasks for Cholesky, 256 for a sum
            WrenException e = catchThrowableOfType(() -> a.cholesky().compute(), WrenException.class);
            assertThat(e).hasMessageStartingWith("cholesky").hasMessageContaining("makes 816 tasks, more than the 500 one job may have")
                    .hasMessageContaining("use a larger block").hasMessageNotContaining("\n");
            assertThat(wren.jobs().list()).as("nothing was submitted").isEmpty();
            assertThat(a.plus(a).compute().rows()).as("a job within the limit runs").isEqualTo(64);
        }
    }

    @Test
    void aJobWhoseResultCannotFitIsRefusedAndTheInputsStay() {
        var memory = new MemoryObjectStore();
        try (Wren wren = Wren.builder().objectStore(new QuotaStore(memory, 3L << 20), "t").workers(1).build()) {
            BlockMatrix a = wren.random(500, 500, 128, 2); // 1.9 MB of the 3 MB
            long held = memory.sizeBytes();
            StorageException e = catchThrowableOfType(() -> a.matmul(a).compute(), StorageException.class);
            assertThat(e.getMessage()).matches(".* \\(its results\\) needs 1\\.9 MB in the tile store \\(quota-store\\), which has 1\\.[01] MB free; "
                    + "free some space there or use a store with more room").doesNotContain("\n");
            assertThat(memory.sizeBytes()).isEqualTo(held);
            // what fits still runs
            assertThat(a.slice(0, 100, 0, 100).matmul(a.slice(0, 100, 0, 100)).compute().rows()).isEqualTo(100);
        }
    }
}
