package org.wren4j.interop.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.wren4j.api.BlockMatrix;

/** A matrix as Arrow record batches of non-null float64 columns, one batch per tile row. */
public final class ArrowExport {
    private ArrowExport() {
    }

    public static Schema schema(List<String> names) {
        var fields = new ArrayList<Field>();
        FieldType f8 = FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
        for (String n : names) {
            fields.add(new Field(n, f8, null));
        }
        return new Schema(fields);
    }

    /** Hands each tile row to {@code consumer} in one root that is refilled between calls. */
    public static void forEachBatch(BlockMatrix m, BufferAllocator allocator, List<String> names, Consumer<VectorSchemaRoot> consumer) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema(names), allocator)) {
            int cols = names.size();
            m.forEachRowBlock((firstRow, rows) -> {
                fill(root, rows, cols);
                consumer.accept(root);
            });
        }
    }

    /** Writes an Arrow IPC file ({@code file == true}) or stream to {@code out}. */
    public static void write(BlockMatrix m, OutputStream out, List<String> names, boolean file, BufferAllocator allocator) throws IOException {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema(names), allocator);
                ArrowWriter writer = file ? new ArrowFileWriter(root, null, Channels.newChannel(out))
                        : new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
            writer.start();
            int cols = names.size();
            try {
                m.forEachRowBlock((firstRow, rows) -> {
                    fill(root, rows, cols);
                    try {
                        writer.writeBatch();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.end();
        }
    }

    private static void fill(VectorSchemaRoot root, double[][] rows, int cols) {
        int n = rows.length;
        for (int c = 0; c < cols; c++) {
            Float8Vector v = (Float8Vector) root.getVector(c);
            v.allocateNew(n);
            for (int r = 0; r < n; r++) {
                v.set(r, rows[r][c]);
            }
            v.setValueCount(n);
        }
        root.setRowCount(n);
    }
}
