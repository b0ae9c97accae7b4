package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.Wren;
import org.wren4j.interop.InteropException;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.Tables;

/** Hints reach CLI users as flags; the same errors keep naming Java methods for Java callers. */
class UserTermsTest extends CliTest {
    /** A Java call in a message: {@code oneHot(}, {@code NullPolicy.fill(}, {@code explain()}. */
    private static final Pattern JAVA_CALL = Pattern.compile("[a-z][A-Za-z]*\\.?[a-z][A-Za-z]*\\(");

    @TempDir
    Path tmp;
    private Path table;

    /** Rows: v (double, null in row 2), color (text), id (text, 10,001 distinct values). */
    @BeforeEach
    void writeTable() throws IOException {
        table = tmp.resolve("t.arrow");
        int rows = 10_001;
        var schema = new Schema(List.of(
                new Field("v", FieldType.nullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null),
                new Field("color", FieldType.nullable(new ArrowType.Utf8()), null),
                new Field("id", FieldType.nullable(new ArrowType.Utf8()), null)));
        try (var allocator = new RootAllocator();
             var root = VectorSchemaRoot.create(schema, allocator);
             var channel = FileChannel.open(table, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var writer = new ArrowFileWriter(root, null, channel)) {
            writer.start();
            for (int i = 0; i < rows; i++) {
                if (i == 2) {
                    ((Float8Vector) root.getVector("v")).setNull(i);
                } else {
                    ((Float8Vector) root.getVector("v")).setSafe(i, i * 0.5);
                }
                ((VarCharVector) root.getVector("color")).setSafe(i, (i % 2 == 0 ? "red" : "blue").getBytes(StandardCharsets.UTF_8));
                ((VarCharVector) root.getVector("id")).setSafe(i, ("id" + i).getBytes(StandardCharsets.UTF_8));
            }
            root.setRowCount(rows);
            writer.writeBatch();
            writer.end();
        }
    }



    @Test
    void loadHintsNameTheFlagsThatFixTheTable() {
        String store = tmp.resolve("st").toString();
        String t = table.toString();
        assertThat(run("load", t, "--name", "x", "--columns", "color", "--nulls", "drop", "--store", store)).isEqualTo(1);
        assertThat(stderr()).startsWith("wren4j: error: ").contains("column 'color'", "load it one-hot encoded with --one-hot color");
        assertThat(JAVA_CALL.matcher(stderr()).find()).as(stderr()).isFalse();

        assertThat(run("load", t, "--name", "x", "--columns", "v", "--store", store)).isEqualTo(1);
        assertThat(stderr()).contains("column 'v', row 2", "add --nulls fill:V or --nulls drop").doesNotContain("NullPolicy");
        assertThat(JAVA_CALL.matcher(stderr()).find()).as(stderr()).isFalse();

        assertThat(run("load", t, "--name", "x", "--columns", "v", "--one-hot", "id", "--nulls", "drop", "--store", store)).isEqualTo(1);
        assertThat(stderr()).contains("column 'id'", "10001 distinct values", "leave it out of --one-hot");
        assertThat(JAVA_CALL.matcher(stderr()).find()).as(stderr()).isFalse();

        // and the flags named do fix it
        assertThat(run("load", t, "--name", "x", "--columns", "v", "--one-hot", "color", "--nulls", "drop", "--store", store))
                .as(stderr()).isZero();
        assertThat(run("run", "gram", "--input", t, "--columns", "v", "--nulls", "fill:0", "--one-hot", "color", "--json")).as(stderr()).isZero();
    }

    @Test
    void loadWarnsOfTheTextColumnsItLeavesOut() {
        String store = tmp.resolve("st").toString();
        String t = table.toString();
        assertThat(run("load", t, "--name", "x", "--nulls", "fill:0", "--store", store)).as(stderr()).isZero();
        assertThat(stderr()).isEqualTo("wren4j: warning: " + t + ": text columns color,id were left out; "
                + "add --one-hot color,id to load them one-hot encoded\n");
        assertThat(run("load", t, "--name", "x", "--nulls", "fill:0", "--one-hot", "color", "--replace", "--store", store))
                .as(stderr()).isZero();
        assertThat(stderr()).contains("text column id was left out; add --one-hot id").doesNotContain("color");
        // run --input loads the same way and warns the same way
        assertThat(run("run", "gram", "--input", t, "--nulls", "fill:0", "--json")).as(stderr()).isZero();
        assertThat(stderr()).contains("wren4j: warning: " + t + ": text columns color,id were left out; add --one-hot color,id");
        // a column selection says what to load: nothing to warn of
        assertThat(run("load", t, "--name", "x", "--columns", "v", "--nulls", "fill:0", "--replace", "--store", store)).as(stderr()).isZero();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void javaCallersStillGetTheJavaMethods() {
        try (Wren w = Wren.builder().workers(1).build()) {
            assertThatThrownBy(() -> Tables.load(w, table, LoadOptions.builder().columns("color").build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("oneHot(\"color\")");
        }
    }

    @Test
    void messagesFromApiAndExecLoseTheirJavaCalls() {
        assertThat(UserTerms.of("a 1000000x1000000 matrix needs 8000.0 GB in the in-memory tile store, more than half of this JVM's 2.0 GB "
                + "heap: use a tile store outside the heap (Wren.builder().storeDirectory(dir), CLI --store DIR), a larger heap"))
                .endsWith("use a tile store outside the heap (--store DIR), a larger heap");
        assertThat(UserTerms.of("cholesky stalled: 3 of 10 tasks (a dependency-analysis bug, please report it with the plan from explain())"))
                .endsWith("please report it with the command line that ran into it)");
        assertThat(UserTerms.of("plain message")).isEqualTo("plain message");
        assertThat(UserTerms.of(null)).isNull();
    }
}
