package org.wren4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wren4j.api.Wren;
import org.wren4j.tiles.LocalDirectoryObjectStore;
import org.wren4j.tiles.TileStore;

/**
 * The round trips on the production local-directory store ({@link LocalDirectoryObjectStore},
 * what {@code Wren.builder().storeDirectory(dir)} uses), with the tiles on disk.
 */
class LocalDirectoryStoreRoundTripTest extends AbstractStoreRoundTripTest {
    @Override
    protected TileStore newTileStore(Path dir) {
        TileStore store = TileStore.inDirectory(dir);
        assertThat(store.objects()).isInstanceOf(LocalDirectoryObjectStore.class);
        return store;
    }

    /** The builder option users call: tiles land as files under the directory. */
    @Test
    void storeDirectoryOptionKeepsTilesOnDisk() throws IOException {
        Path dir = tmp.resolve("session-tiles");
        try (Wren wren = Wren.builder().workers(2).storeDirectory(dir).build()) {
            LoadedTable t = Tables.loadParquet(wren, TestData.generated().resolve("mixed.parquet"),
                    LoadOptions.builder().columns("f64", "i32", "dec").blockSize(64).build());
            try (Stream<Path> files = Files.walk(dir)) {
                assertThat(files.filter(Files::isRegularFile).count()).isGreaterThanOrEqualTo(16);
            }
            Path out = tmp.resolve("out.parquet");
            Tables.writeParquet(t.features(), out, t.columnNames());
            double[][] a = readDoubles(out, List.of("f64", "i32", "dec"));
            assertThat(TestData.bits(a)).isDeepEqualTo(TestData.bits(TestData.expectedMixed(List.of("f64", "i32", "dec"), 0, TestData.MIXED_ROWS)));
        }
    }
}
