package org.wren4j.interop.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Field;
import org.wren4j.api.WrenException;
import org.wren4j.interop.InteropException;
import org.wren4j.interop.TableColumn;

/**
 * Arrow record batches: one in-memory {@link VectorSchemaRoot}, an {@link ArrowReader} the caller
 * owns, or an Arrow IPC file or stream on disk. Only a one-pass stream reader cannot be read
 * twice, so only it needs declared categories for one-hot columns.
 */
public final class ArrowSource implements TableSource {
    /** What to do with each record batch. */
    @FunctionalInterface
    interface BatchAction {
        void accept(VectorSchemaRoot root, DictionaryProvider dictionaries, long firstRow);
    }

    @FunctionalInterface
    private interface Pass {
        void run(BatchAction action) throws IOException;
    }

    private final String description;
    private final List<TableColumn> schema;
    private final Pass pass;
    private final boolean repeatable;
    private boolean used;

    private ArrowSource(String description, List<TableColumn> schema, Pass pass, boolean repeatable) {
        this.description = description;
        this.schema = schema;
        this.pass = pass;
        this.repeatable = repeatable;
    }

    public static ArrowSource of(VectorSchemaRoot root) {
        return new ArrowSource("Arrow VectorSchemaRoot", describe(root.getSchema().getFields(), null),
                a -> a.accept(root, null, 0), true);
    }

    public static ArrowSource of(ArrowReader reader) {
        String description = "Arrow " + (reader instanceof ArrowFileReader ? "file" : "stream") + " reader";
        try {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<TableColumn> schema = describe(root.getSchema().getFields(), reader);
            if (reader instanceof ArrowFileReader fr) {
                return new ArrowSource(description, schema, a -> eachBlock(fr, a), true);
            }
            return new ArrowSource(description, schema, a -> eachBatch(reader, a), false);
        } catch (IOException | RuntimeException e) {
            throw new InteropException(description, "cannot read the Arrow schema (not Arrow IPC, or truncated): " + Reasons.of(e), e);
        }
    }

    /** An Arrow IPC file (detected by its {@code ARROW1} magic) or stream on disk. */
    public static ArrowSource of(Path file, BufferAllocator allocator) {
        Path abs = file.toAbsolutePath();
        String description = "file " + abs;
        if (!Files.isRegularFile(abs)) {
            throw new InteropException(description, "no such file");
        }
        Pass pass = a -> {
            try (ArrowReader reader = open(abs, allocator)) {
                if (reader instanceof ArrowFileReader fr) {
                    eachBlock(fr, a);
                } else {
                    eachBatch(reader, a);
                }
            }
        };
        try (ArrowReader reader = open(abs, allocator)) {
            List<TableColumn> schema = describe(reader.getVectorSchemaRoot().getSchema().getFields(), reader);
            return new ArrowSource(description, schema, pass, true);
        } catch (IOException | RuntimeException e) {
            throw new InteropException(description, "not a readable Arrow IPC file or stream (truncated, corrupt or another format): "
                    + Reasons.of(e), e);
        }
    }

    private static ArrowReader open(Path file, BufferAllocator allocator) throws IOException {
        if (isArrowFile(file)) {
            return new ArrowFileReader(FileChannel.open(file, StandardOpenOption.READ), allocator);
        }
        return new ArrowStreamReader(Files.newInputStream(file), allocator);
    }

    static boolean isArrowFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(6);
            return new String(magic, java.nio.charset.StandardCharsets.US_ASCII).equals("ARROW1");
        }
    }

    private static void eachBlock(ArrowFileReader reader, BatchAction action) throws IOException {
        long firstRow = 0;
        for (ArrowBlock block : reader.getRecordBlocks()) {
            reader.loadRecordBatch(block);
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            action.accept(root, reader, firstRow);
            firstRow += root.getRowCount();
        }
    }

    private static void eachBatch(ArrowReader reader, BatchAction action) throws IOException {
        long firstRow = 0;
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        while (reader.loadNextBatch()) {
            action.accept(root, reader, firstRow);
            firstRow += root.getRowCount();
        }
    }

    private static List<TableColumn> describe(List<Field> fields, DictionaryProvider dictionaries) {
        var out = new ArrayList<TableColumn>();
        for (Field f : fields) {
            out.add(ArrowColumns.describe(f, dictionaries));
        }
        return out;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<TableColumn> schema() {
        return schema;
    }

    @Override
    public Map<String, Set<String>> distinctValues(List<TableColumn> columns) {
        if (!repeatable) {
            throw new InteropException(description, columns.get(0).name(), -1, "a one-pass Arrow stream cannot be read twice to find the "
                    + "categories; declare them with oneHot(column, categories) or label(column, classes)");
        }
        var out = new HashMap<String, Set<String>>();
        columns.forEach(c -> out.put(c.name(), new LinkedHashSet<>()));
        run((root, dictionaries, firstRow) -> {
            for (TableColumn c : columns) {
                Slot slot = new Slot(c, Slot.Role.ONE_HOT, List.of(), 0);
                new ArrowColumns.Reader(root.getVector(c.name()), dictionaries, slot).collect(root.getRowCount(), out.get(c.name()));
            }
        });
        return out;
    }

    @Override
    public void read(List<Slot> slots, int maxRows, RowAssembler sink) {
        ColumnBatch[] batches = sink.newBatches(maxRows);
        run((root, dictionaries, firstRow) -> {
            var readers = new ArrowColumns.Reader[slots.size()];
            for (int s = 0; s < slots.size(); s++) {
                FieldVector v = root.getVector(slots.get(s).name());
                readers[s] = new ArrowColumns.Reader(v, dictionaries, slots.get(s));
            }
            int rows = root.getRowCount();
            for (int done = 0; done < rows; ) {
                int n = Math.min(maxRows, rows - done);
                for (int s = 0; s < slots.size(); s++) {
                    batches[s].reset();
                    try {
                        if (slots.get(s).categorical()) {
                            readers[s].readCodes(done, n, batches[s]);
                        } else {
                            readers[s].readNumbers(done, n, batches[s]);
                        }
                    } catch (RuntimeException e) {
                        throw new InteropException(description, slots.get(s).name(), firstRow + done, "cannot decode the column: " + Reasons.of(e), e);
                    }
                }
                sink.accept(description, firstRow + done, n, batches);
                done += n;
            }
        });
    }

    private void run(BatchAction action) {
        if (used && !repeatable) {
            throw new IllegalStateException(description + " was already read");
        }
        used = true;
        long[] seen = {0};
        try {
            pass.run((root, dictionaries, firstRow) -> {
                seen[0] = firstRow + root.getRowCount();
                action.accept(root, dictionaries, firstRow);
            });
        } catch (IOException | RuntimeException e) {
            if (e instanceof WrenException we) {
                throw we;
            }
            throw new InteropException(description, null, seen[0], "cannot read the record batch starting at this row (truncated or corrupt?): "
                    + Reasons.of(e), e);
        }
    }
}
