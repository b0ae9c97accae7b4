package org.wren4j.interop;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** A small table with NaN, infinities, a null and a text column at known places, as Parquet and as an Arrow file. */
final class NonFiniteData {
    static final int ROWS = 40;
    static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            "message nonfinite { required double x; required float y; optional double z; required binary name (STRING); }");

    private NonFiniteData() {
    }

    /**
     * The non-finite table: {@code x} is NaN at row 17, {@code y} (float32) +Inf at row 25,
     * {@code z} null at row 5 and -Inf at row 30; every other value is finite.
     */
    static double value(String column, int r) {
        return switch (column) {
            case "x" -> r == 17 ? Double.NaN : r * 0.5;
            case "y" -> r == 25 ? Float.POSITIVE_INFINITY : (float) r;
            case "z" -> r == 5 ? Double.NaN : r == 30 ? Double.NEGATIVE_INFINITY : -r;
            default -> throw new IllegalArgumentException(column);
        };
    }

    /** Rows 0 .. ROWS-1 of these columns as loaded with nulls filled by NaN. */
    static double[][] expected(List<String> columns) {
        double[][] out = new double[ROWS][columns.size()];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < columns.size(); c++) {
                out[r][c] = value(columns.get(c), r);
            }
        }
        return out;
    }

    static void write(Path dir) throws IOException {
        writeParquet(dir.resolve("nonfinite.parquet"));
        writeArrow(dir.resolve("nonfinite.arrow"));
    }

    private static void writeParquet(Path file) throws IOException {
        SimpleGroupFactory f = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> w = TestData.parquetWriter(file, SCHEMA, CompressionCodecName.SNAPPY, 16 * 1024)) {
            for (int r = 0; r < ROWS; r++) {
                Group g = f.newGroup().append("x", value("x", r)).append("y", (float) value("y", r));
                if (r != 5) {
                    g.append("z", value("z", r));
                }
                w.write(g.append("name", "n" + r));
            }
        }
    }

    private static void writeArrow(Path file) throws IOException {
        Schema schema = new Schema(List.of(
                TestData.field("x", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), false),
                TestData.field("y", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), false),
                TestData.field("z", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), true),
                TestData.field("name", ArrowType.Utf8.INSTANCE, false)));
        try (BufferAllocator allocator = new RootAllocator(); var out = Files.newOutputStream(file);
                VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
                ArrowWriter w = new ArrowFileWriter(root, null, Channels.newChannel(out))) {
            w.start();
            var x = (Float8Vector) root.getVector("x");
            var y = (Float4Vector) root.getVector("y");
            var z = (Float8Vector) root.getVector("z");
            var name = (VarCharVector) root.getVector("name");
            for (int r = 0; r < ROWS; r++) {
                x.setSafe(r, value("x", r));
                y.setSafe(r, (float) value("y", r));
                if (r == 5) {
                    z.setNull(r);
                } else {
                    z.setSafe(r, value("z", r));
                }
                name.setSafe(r, ("n" + r).getBytes(StandardCharsets.UTF_8));
            }
            root.setRowCount(ROWS);
            w.writeBatch();
            w.end();
        }
    }
}
