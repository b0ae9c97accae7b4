package org.wren4j.tiles;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Writes arbitrary float64 Arrow streams with Arrow's own writer, to craft test inputs. */
final class ArrowStreams {
    private ArrowStreams() {
    }

    /** One record batch per entry of {@code batches}, with {@code metadata} on the schema. */
    static byte[] write(BufferAllocator allocator, Map<String, String> metadata, double[]... batches) throws Exception {
        Field field = new Field("v", new FieldType(false, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), List.of());
        var out = new ByteArrayOutputStream();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(List.of(field), metadata), allocator);
             var writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            writer.start();
            for (double[] batch : batches) {
                Float8Vector vec = (Float8Vector) root.getVector(0);
                vec.allocateNew(batch.length);
                for (int i = 0; i < batch.length; i++) {
                    vec.set(i, batch[i]);
                }
                vec.setValueCount(batch.length);
                root.setRowCount(batch.length);
                writer.writeBatch();
            }
            writer.end();
        }
        return out.toByteArray();
    }

    /** wren4j tile metadata for {@code values} written as one float64 column: version 1, the given shape and layout, their CRC32C. */
    static Map<String, String> metadata(String rows, String cols, String layout, double[] values) {
        var bytes = java.nio.ByteBuffer.allocate(values.length * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(values);
        var crc = new java.util.zip.CRC32C();
        crc.update(bytes.array());
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("wren4j.format", "1");
        m.put("wren4j.rows", rows);
        m.put("wren4j.cols", cols);
        m.put("wren4j.layout", layout);
        m.put("wren4j.crc32c", Long.toHexString(crc.getValue()));
        return m;
    }
}
