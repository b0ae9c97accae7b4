package org.wren4j.interop.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.wren4j.interop.InteropException;
import org.wren4j.interop.TableColumn;

/**
 * A Parquet file, or a directory of Parquet files read in name order, decoded row group by row
 * group through the low-level column readers: only the planned columns are read from disk, and
 * memory holds one row group's compressed chunks of those columns plus one batch of rows.
 */
public final class ParquetSource implements TableSource {
    private static final String MAGIC = "PAR1";

    private final Path path;
    private final List<Path> files;
    private final List<TableColumn> schema;

    public ParquetSource(Path path) {
        this.path = path.toAbsolutePath();
        this.files = listFiles(this.path);
        this.schema = withFile(files.get(0), (r, f) -> {
            var cols = new ArrayList<TableColumn>();
            for (Type t : r.getFooter().getFileMetaData().getSchema().getFields()) {
                cols.add(ParquetTypes.describe(t));
            }
            return cols;
        });
    }

    private static List<Path> listFiles(Path path) {
        if (!Files.exists(path)) {
            throw new InteropException("file " + path, "no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            List<Path> found = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".parquet")
                    && !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_")).sorted().toList();
            if (found.isEmpty()) {
                throw new InteropException("directory " + path, "no *.parquet files in it");
            }
            return found;
        } catch (IOException e) {
            throw new InteropException("directory " + path, "cannot list it: " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return files.size() == 1 ? "file " + files.get(0) : "directory " + path;
    }

    @Override
    public List<TableColumn> schema() {
        return schema;
    }

    @Override
    public Map<String, Set<String>> distinctValues(List<TableColumn> columns) {
        var out = new HashMap<String, Set<String>>();
        for (TableColumn c : columns) {
            Set<String> values = new LinkedHashSet<>();
            Set<Object> seen = new HashSet<>();
            for (Path file : files) {
                withFile(file, (reader, source) -> {
                    List<Slot> one = List.of(new Slot(c, Slot.Role.ONE_HOT, List.of(), 0));
                    MessageType projection = project(reader, source, one);
                    PageReadStore pages;
                    long firstRow = 0;
                    while ((pages = nextRowGroup(reader, source, firstRow)) != null) {
                        ParquetColumnDecoder d = decoders(reader, projection, pages, one, source)[0];
                        long n = pages.getRowCount();
                        try {
                            d.collect(n, values, seen);
                        } catch (RuntimeException e) {
                            throw corrupt(source, c.name(), firstRow, e);
                        }
                        firstRow += n;
                    }
                    return null;
                });
            }
            out.put(c.name(), values);
        }
        return out;
    }

    @Override
    public void read(List<Slot> slots, int maxRows, RowAssembler sink) {
        ColumnBatch[] batches = sink.newBatches(maxRows);
        for (Path file : files) {
            withFile(file, (reader, source) -> {
                MessageType projection = project(reader, source, slots);
                PageReadStore pages;
                long firstRow = 0;
                while ((pages = nextRowGroup(reader, source, firstRow)) != null) {
                    ParquetColumnDecoder[] decoders = decoders(reader, projection, pages, slots, source);
                    long rows = pages.getRowCount();
                    for (long done = 0; done < rows; ) {
                        int n = (int) Math.min(maxRows, rows - done);
                        for (int s = 0; s < slots.size(); s++) {
                            batches[s].reset();
                            try {
                                if (slots.get(s).categorical()) {
                                    decoders[s].readCodes(n, batches[s]);
                                } else {
                                    decoders[s].readNumbers(n, batches[s]);
                                }
                            } catch (RuntimeException e) {
                                throw corrupt(source, slots.get(s).name(), firstRow + done, e);
                            }
                        }
                        sink.accept(source, firstRow + done, n, batches);
                        done += n;
                    }
                    firstRow += rows;
                }
                return null;
            });
        }
    }

    /** The file's schema cut down to the slots' columns, checked against the plan. */
    private MessageType project(ParquetFileReader reader, String source, List<Slot> slots) {
        MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
        var fields = new ArrayList<Type>();
        for (Slot s : slots) {
            if (!fileSchema.containsField(s.name())) {
                throw new InteropException(source, s.name(), -1, "no such column in this file, though " + description()
                        + " has it in its first file; every file must have the loaded columns");
            }
            Type t = fileSchema.getType(s.name());
            TableColumn here = ParquetTypes.describe(t);
            if (here.kind() != s.column().kind()) {
                throw new InteropException(source, s.name(), -1, "the column is " + here.type() + " here but " + s.column().type()
                        + " in the first file; the files' schemas differ");
            }
            fields.add(t);
        }
        MessageType projection = new MessageType(fileSchema.getName(), fields);
        reader.setRequestedSchema(projection);
        return projection;
    }

    private static ParquetColumnDecoder[] decoders(ParquetFileReader reader, MessageType projection, PageReadStore pages,
            List<Slot> slots, String source) {
        String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
        var store = new ColumnReadStoreImpl(pages, new IgnoringConverter(projection.getFieldCount()), projection, createdBy);
        var out = new ParquetColumnDecoder[slots.size()];
        for (int s = 0; s < slots.size(); s++) {
            Slot slot = slots.get(s);
            Type t = projection.getType(slot.name());
            try {
                var column = store.getColumnReader(projection.getColumnDescription(new String[] {slot.name()}));
                out[s] = new ParquetColumnDecoder(column, ParquetTypes.conv(t), ParquetTypes.scale(t), slot.categorical() ? slot.categories() : null);
            } catch (RuntimeException e) {
                throw corrupt(source, slot.name(), -1, e);
            }
        }
        return out;
    }

    private static PageReadStore nextRowGroup(ParquetFileReader reader, String source, long firstRow) {
        try {
            return reader.readNextRowGroup();
        } catch (IOException | RuntimeException e) {
            throw new InteropException(source, null, firstRow, "cannot read the row group starting at this row (truncated or corrupt file?): "
                    + Reasons.of(e), e);
        }
    }

    private static InteropException corrupt(String source, String column, long row, RuntimeException e) {
        if (e instanceof InteropException ie) {
            return ie;
        }
        return new InteropException(source, column, row, "cannot decode the column (corrupt file?): " + Reasons.of(e), e);
    }

    @FunctionalInterface
    private interface FileAction<T> {
        T run(ParquetFileReader reader, String source);
    }

    private static <T> T withFile(Path file, FileAction<T> action) {
        String source = "file " + file;
        checkMagic(file, source);
        ParquetFileReader reader;
        try {
            reader = ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
        } catch (IOException | RuntimeException e) {
            throw new InteropException(source, "not a readable Parquet file (truncated, corrupt or another format): " + Reasons.of(e), e);
        }
        try (reader) {
            return action.run(reader, source);
        } catch (IOException e) {
            throw new InteropException(source, "closing the file failed: " + e.getMessage(), e);
        }
    }

    /** A file of another format fails here in its own terms, not in the footer parser's. */
    private static void checkMagic(Path file, String source) {
        byte[] head;
        try {
            head = Reasons.head(file, MAGIC.length());
        } catch (IOException e) {
            throw new InteropException(source, "cannot read it: " + Reasons.of(e), e);
        }
        if (!new String(head, StandardCharsets.ISO_8859_1).equals(MAGIC)) {
            throw new InteropException(source, "not a Parquet file: a Parquet file starts with the magic bytes " + MAGIC
                    + ", this one with '" + Reasons.printable(head) + "'");
        }
    }

    /** The column readers need a converter tree; values are pulled from the readers directly. */
    private static final class IgnoringConverter extends GroupConverter {
        private final PrimitiveConverter leaf = new PrimitiveConverter() { };
        private final int fields;

        IgnoringConverter(int fields) {
            this.fields = fields;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            if (fieldIndex >= fields) {
                throw new IndexOutOfBoundsException(fieldIndex);
            }
            return leaf;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    }
}
