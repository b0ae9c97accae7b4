package org.wren4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.Wren;
import org.wren4j.api.WrenException;

/** Bad files and bad requests fail with messages that name the file, the column and the row. */
class ErrorsTest {
    static Path gen(String name) {
        return TestData.generated().resolve(name);
    }

    @Test
    void truncatedAndForeignFilesNameTheFile() {
        try (Wren wren = ParquetTablesTest.session()) {
            assertThatThrownBy(() -> Tables.loadParquet(wren, gen("truncated.parquet"), LoadOptions.defaults()))
                    .isInstanceOf(InteropException.class).isInstanceOf(WrenException.class)
                    .hasMessageContaining(gen("truncated.parquet").toString()).hasMessageContaining("truncated");
            // named .parquet, so it is judged as Parquet: not as an Arrow stream, whatever its bytes
            assertThatThrownBy(() -> Tables.load(wren, gen("not-parquet.parquet"), LoadOptions.defaults()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("not-parquet.parquet")
                    .hasMessageContaining("not a Parquet file").hasMessageContaining("magic bytes PAR1").hasMessageContaining("'id,v'")
                    .hasMessageNotContaining("Arrow");
            assertThatThrownBy(() -> Tables.columns(gen("not-parquet.parquet")))
                    .isInstanceOf(InteropException.class).hasMessageContaining("not a Parquet file");
            assertThatThrownBy(() -> Tables.load(wren, gen("truncated.arrows"), LoadOptions.builder().columns("f64").build()))
                    .isInstanceOfSatisfying(InteropException.class, e -> {
                        assertThat(e.getMessage()).contains("truncated.arrows").contains("truncated or corrupt");
                        assertThat(e.row()).isPresent();
                        assertThat(e.row().getAsLong()).isPositive();
                    });
            assertThatThrownBy(() -> Tables.load(wren, gen("no-such.parquet"), LoadOptions.defaults()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("no-such.parquet").hasMessageContaining("no such file");
        }
    }

    /** Seeded corruptions of a good file: every failure names the file and never prints a Java object id. */
    @Test
    void corruptFilesAreReportedWithoutJavaObjectIds(@TempDir Path tmp) throws IOException {
        byte[] whole = Files.readAllBytes(gen("mixed.parquet"));
        Random rnd = new Random(1);
        Pattern objectId = Pattern.compile("@[0-9a-f]{4,}\\b");
        int failed = 0;
        try (Wren wren = ParquetTablesTest.session()) {
            for (int k = 0; k < 120; k++) {
                byte[] b = whole.clone();
                int at = 4 + rnd.nextInt(b.length / 2);
                for (int j = 0; j < 8; j++) {
                    b[at + j] = (byte) rnd.nextInt();
                }
                Path file = tmp.resolve("c" + k + ".parquet");
                Files.write(file, b);
                try {
                    Tables.load(wren, file, LoadOptions.builder().nullPolicy(NullPolicy.fill(0)).nonFinite(NonFinitePolicy.ALLOW).build());
                } catch (InteropException e) {
                    failed++;
                    assertThat(e.getMessage()).contains(file.toString());
                    assertThat(objectId.matcher(e.getMessage()).find()).as(e.getMessage()).isFalse();
                }
            }
        }
        assertThat(failed).isPositive();
    }

    @Test
    void textColumnsADefaultLoadLeavesOutAreListed() {
        try (Wren wren = ParquetTablesTest.session()) {
            LoadOptions fill = LoadOptions.builder().nullPolicy(NullPolicy.fill(0)).build();
            assertThat(Tables.load(wren, gen("mixed.parquet"), fill).droppedColumns()).containsExactly("color", "opt_color", "note");
            assertThat(Tables.load(wren, gen("mixed.parquet"), fill.mutate().oneHot("color").label("note").build()).droppedColumns())
                    .containsExactly("opt_color");
            assertThat(Tables.load(wren, gen("mixed.arrow"), fill).droppedColumns()).containsExactly("color", "opt_color", "note", "dcolor");
            // a column selection is explicit: nothing is left out behind the user's back
            assertThat(Tables.load(wren, gen("mixed.parquet"), LoadOptions.builder().columns("id").build()).droppedColumns()).isEmpty();
        }
    }

    @Test
    void aFileWithADifferentSchemaInADirectoryIsNamed() {
        try (Wren wren = ParquetTablesTest.session()) {
            assertThatThrownBy(() -> Tables.loadParquet(wren, gen("bad-schema"), LoadOptions.builder().columns("id", "f64").build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("b.parquet").hasMessageContaining("column 'id'")
                    .hasMessageContaining("schemas differ");
            assertThatThrownBy(() -> Tables.loadParquet(wren, gen("bad-schema"), LoadOptions.builder().columns("f64", "i8").build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("b.parquet").hasMessageContaining("column 'i8'")
                    .hasMessageContaining("no such column in this file");
            // Only the loaded columns have to agree.
            LoadedTable t = Tables.loadParquet(wren, gen("bad-schema"), LoadOptions.builder().columns("f64").build());
            assertThat(t.rows()).isEqualTo(15);
        }
    }

    @Test
    void requestsThatCannotBeMetNameTheColumn() {
        try (Wren wren = ParquetTablesTest.session()) {
            Path mixed = gen("mixed.parquet");
            assertThatThrownBy(() -> Tables.load(wren, mixed, LoadOptions.builder().columns("f64", "note").build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("mixed.parquet").hasMessageContaining("column 'note'")
                    .hasMessageContaining("text").hasMessageContaining("oneHot(\"note\")");
            assertThatThrownBy(() -> Tables.load(wren, mixed, LoadOptions.builder().columns("point").build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("column 'point'").hasMessageContaining("cannot be loaded");
            assertThatThrownBy(() -> Tables.load(wren, mixed, LoadOptions.builder().columns("nope").build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("column 'nope'").hasMessageContaining("no such column")
                    .hasMessageContaining("f64");
            assertThatThrownBy(() -> Tables.load(wren, mixed, LoadOptions.builder().columnsMatching("zz*").build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("no loadable column matches glob 'zz*'");
            assertThatThrownBy(() -> Tables.load(wren, mixed, LoadOptions.builder().oneHot("f64").build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("column 'f64'").hasMessageContaining("one-hot encoding needs");
            assertThatThrownBy(() -> Tables.load(wren, mixed, LoadOptions.builder().columns("id").label("tags").build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("column 'tags'").hasMessageContaining("neither numeric nor text");
        }
    }

    @Test
    void aFailedLoadLeavesNoTilesBehind() {
        var objects = new org.wren4j.tiles.MemoryObjectStore();
        try (Wren wren = Wren.builder().workers(1).objectStore(objects, "t").build()) {
            assertThatThrownBy(() -> Tables.load(wren, gen("mixed.parquet"), LoadOptions.builder().columns("f64", "opt_f64").blockSize(2).build()))
                    .isInstanceOf(InteropException.class);
            assertThat(objects.list("").toCompletableFuture().join()).isEmpty();
        }
    }
}
