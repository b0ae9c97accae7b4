package org.wren4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wren4j.api.Wren;
import org.wren4j.tiles.MemoryObjectStore;
import org.wren4j.tiles.ObjectStore;
import org.wren4j.tiles.TileStore;

/** The adapters only talk to the session, so any tile store works; each store runs the same round trip. */
class TileStoresTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> stores() {
        Function<Path, ObjectStore> memory = dir -> new MemoryObjectStore();
        Function<Path, ObjectStore> directory = dir -> new DirectoryObjectStore(dir.resolve("tiles"));
        return Stream.of(Arguments.of("memory", memory), Arguments.of("directory", directory));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void loadAndExportThroughEveryStore(String name, Function<Path, ObjectStore> store) {
        ObjectStore objects = store.apply(tmp);
        try (Wren wren = Wren.builder().workers(2).tileStore(new TileStore(objects, "wren4j")).build()) {
            LoadedTable t = Tables.load(wren, TestData.generated().resolve("ragged"),
                    LoadOptions.builder().columns("id", "dec18").oneHot("color").blockSize(20).build());
            assertThat(objects.list("wren4j/").toCompletableFuture().join()).isNotEmpty();
            Path out = tmp.resolve("out.arrow");
            Tables.write(t.features(), out, t.columnNames());
            LoadedTable back = Tables.load(wren, out, LoadOptions.builder().blockSize(7).build());
            assertThat(back.columnNames()).isEqualTo(List.of("id", "dec18", "color=blue", "color=green", "color=red"));
            assertThat(TestData.bits(back.features().toArray())).isDeepEqualTo(TestData.bits(t.features().toArray()));
            double[][] a = back.features().toArray();
            for (int r = 0; r < a.length; r++) {
                assertThat(a[r][0]).isEqualTo(r);
                assertThat(a[r][1]).isEqualTo(TestData.expected("dec18", r));
            }
        }
    }
}
