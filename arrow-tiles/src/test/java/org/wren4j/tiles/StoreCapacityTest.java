package org.wren4j.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.spi.ObjectStore;

/** Stored bytes against a tile-by-tile count; refusals only from stores that know their room. */
class StoreCapacityTest {
    /** The reference: every stored tile's doubles plus its framing, tile by tile. */
    private static long naive(long rows, long cols, int block, StoredTiles stored) {
        long bytes = 0;
        for (long i = 0; i * block < rows; i++) {
            for (long j = 0; j * block < cols; j++) {
                if (stored.isStoredTile(i, j)) {
                    bytes += Math.min(block, rows - i * block) * Math.min(block, cols - j * block) * 8 + StoreCapacity.TILE_OVERHEAD_BYTES;
                }
            }
        }
        return bytes;
    }

    @Test
    void storedBytesMatchATileByTileCountOnRaggedGrids() {
        var random = new Random(20261205);
        for (int trial = 0; trial < 2000; trial++) {
            long rows = 1 + random.nextInt(300);
            long cols = 1 + random.nextInt(300);
            int block = 1 + random.nextInt(trial % 3 == 0 ? 400 : 40); // blocks larger than the matrix too
            for (StoredTiles stored : StoredTiles.values()) {
                assertThat(StoreCapacity.storedBytes(rows, cols, block, stored)).as("%dx%d block %d %s", rows, cols, block, stored)
                        .isEqualTo(naive(rows, cols, block, stored));
            }
        }
        assertThat(StoreCapacity.storedBytes(1, 1, 1, StoredTiles.ALL)).isEqualTo(8 + StoreCapacity.TILE_OVERHEAD_BYTES);
        assertThat(StoreCapacity.storedBytes(0, 5, 2, StoredTiles.ALL)).isZero();
    }

    private static ObjectStore withRoom(OptionalLong room, String name) {
        return new ForwardingObjectStore(new MemoryObjectStore()) {
            @Override
            public OptionalLong usableBytes() {
                return room;
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }

    @Test
    void aStoreWithTooLittleRoomRefusesNamingBothSizes() {
        assertThatThrownBy(() -> StoreCapacity.require(withRoom(OptionalLong.of(3L << 30), "file:///data/tiles"), 5L << 30,
                "cholesky of A (its results)"))
                .isInstanceOf(StoreCapacity.StoreFullException.class)
                .hasMessage("cholesky of A (its results) needs 5.0 GB in the tile store (file:///data/tiles), which has 3.0 GB free; "
                        + "free some space there or use a store with more room");
        assertThatThrownBy(() -> StoreCapacity.require(withRoom(OptionalLong.of(1L << 20), "memory"), 2L << 20, "making a 512x512 matrix"))
                .hasMessageStartingWith("making a 512x512 matrix needs 2.0 MB in the tile store (memory), which has 1.0 MB of heap left; "
                        + "store tiles in a directory");
        assertThatCode(() -> StoreCapacity.require(withRoom(OptionalLong.of(10), "x"), 10, "exactly fits")).doesNotThrowAnyException();
        assertThatCode(() -> StoreCapacity.require(withRoom(OptionalLong.empty(), "s3://b/p"), Long.MAX_VALUE, "unknown room"))
                .doesNotThrowAnyException();
    }

    @Test
    void aDirectoryKnowsItsFileSystemsRoomAndMemoryCountsWhatItHolds(@TempDir Path dir) throws Exception {
        try (var local = new LocalDirectoryObjectStore(dir)) {
            long usable = local.usableBytes().orElseThrow();
            assertThat(usable).isPositive().isLessThanOrEqualTo(Files.getFileStore(dir).getTotalSpace());
        }
        try (var memory = new MemoryObjectStore()) {
            long max = Runtime.getRuntime().maxMemory();
            memory.putIfAbsent("a", new byte[1000]).toCompletableFuture().join();
            memory.putIfAbsent("a", new byte[5000]).toCompletableFuture().join(); // exists: nothing more held
            memory.put("b", new byte[300]).toCompletableFuture().join();
            memory.put("b", new byte[100]).toCompletableFuture().join(); // replaced
            assertThat(memory.sizeBytes()).isEqualTo(1100);
            assertThat(memory.usableBytes()).hasValue(max - 1100);
            memory.delete("a").toCompletableFuture().join();
            memory.delete("missing").toCompletableFuture().join();
            assertThat(memory.sizeBytes()).isEqualTo(100);
        }
    }
}
