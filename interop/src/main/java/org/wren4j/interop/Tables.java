package org.wren4j.interop;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.Wren;
import org.wren4j.interop.internal.ArrowExport;
import org.wren4j.interop.internal.ArrowSource;
import org.wren4j.interop.internal.ColumnNames;
import org.wren4j.interop.internal.ParquetExport;
import org.wren4j.interop.internal.ParquetSource;
import org.wren4j.interop.internal.TableLoader;
import org.wren4j.interop.internal.TableSource;

/**
 * Tables to matrices and back: Parquet files (or directories of them), Arrow IPC files and
 * streams, and Arrow record batches in memory. Loading streams rows straight into tiles and
 * exporting streams tile rows straight into the file, so memory stays bounded by a few tile rows
 * (plus, for Parquet, one row group's compressed column chunks) whatever the table size. Works
 * with every tile store, since it only uses the session.
 *
 * <pre>{@code
 * LoadedTable t = Tables.load(wren, Path.of("lake/digits.parquet"),
 *         LoadOptions.builder().columnsMatching("pixel_*").label("target").build());
 * BlockMatrix x = t.features();
 * Tables.write(x, Path.of("out.parquet"), t.columnNames());
 * }</pre>
 */
public final class Tables {
    private Tables() {
    }

    /**
     * Loads a table file of any supported format: a directory, a file named {@code *.parquet} or
     * a file starting with {@code PAR1} is Parquet, a file starting with {@code ARROW1} an Arrow
     * IPC file, any other file an Arrow IPC stream.
     *
     * @throws InteropException naming the file, and the column and row where they apply
     */
    public static LoadedTable load(Wren wren, Path path, LoadOptions options) {
        requireNonNull(path, "path is null");
        if (isParquet(path)) {
            return loadParquet(wren, path, options);
        }
        return loadArrowIpc(wren, path, options);
    }

    /**
     * Loads a Parquet file, or every {@code *.parquet} file of a directory in name order (their
     * loaded columns must agree in name and kind), row group by row group.
     *
     * @throws InteropException naming the file, and the column and row where they apply
     */
    public static LoadedTable loadParquet(Wren wren, Path fileOrDirectory, LoadOptions options) {
        requireNonNull(wren, "wren is null");
        requireNonNull(fileOrDirectory, "fileOrDirectory is null");
        requireNonNull(options, "options is null");
        return TableLoader.load(wren, new ParquetSource(fileOrDirectory), options);
    }

    /** Loads an Arrow IPC file or stream from disk; see {@link #loadArrow(Wren, ArrowReader, LoadOptions)}. */
    public static LoadedTable loadArrowIpc(Wren wren, Path file, LoadOptions options) {
        requireNonNull(wren, "wren is null");
        requireNonNull(file, "file is null");
        requireNonNull(options, "options is null");
        try (BufferAllocator allocator = new RootAllocator()) {
            return TableLoader.load(wren, ArrowSource.of(file, allocator), options);
        }
    }

    /**
     * Loads every record batch the reader has left. The reader stays open (the caller owns it).
     * A plain stream reader can be read only once, so one-hot columns and text labels read from it
     * need declared categories ({@link LoadOptions.Builder#oneHot(String, List)}); a file reader
     * does not.
     *
     * @throws InteropException naming the reader, and the column and row where they apply
     */
    public static LoadedTable loadArrow(Wren wren, ArrowReader reader, LoadOptions options) {
        requireNonNull(wren, "wren is null");
        requireNonNull(reader, "reader is null");
        requireNonNull(options, "options is null");
        return TableLoader.load(wren, ArrowSource.of(reader), options);
    }

    /** Loads one in-memory record batch; dictionary-encoded columns need a reader instead. */
    public static LoadedTable loadArrow(Wren wren, VectorSchemaRoot root, LoadOptions options) {
        requireNonNull(wren, "wren is null");
        requireNonNull(root, "root is null");
        requireNonNull(options, "options is null");
        return TableLoader.load(wren, ArrowSource.of(root), options);
    }

    /**
     * The top-level columns of a table file or Parquet directory, with how each would load;
     * reads only the schema.
     */
    public static List<TableColumn> columns(Path path) {
        requireNonNull(path, "path is null");
        if (isParquet(path)) {
            return new ParquetSource(path).schema();
        }
        try (BufferAllocator allocator = new RootAllocator()) {
            return ArrowSource.of(path, allocator).schema();
        }
    }

    /**
     * Writes a matrix to a table file chosen by extension: {@code .parquet}, {@code .arrow} or
     * {@code .feather} (Arrow IPC file), {@code .arrows} (Arrow IPC stream).
     *
     * @param names one per matrix column, or empty for {@code c0 .. c(n-1)}
     * @throws IllegalArgumentException for another extension or bad names
     * @throws InteropException if writing fails
     */
    public static void write(BlockMatrix matrix, Path file, List<String> names) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            writeParquet(matrix, file, names);
        } else if (name.endsWith(".arrow") || name.endsWith(".feather") || name.endsWith(".ipc")) {
            writeArrowIpc(matrix, file, names, true);
        } else if (name.endsWith(".arrows")) {
            writeArrowIpc(matrix, file, names, false);
        } else {
            throw new IllegalArgumentException("cannot tell the format of " + file + ": use .parquet, .arrow, .feather or .arrows");
        }
    }

    /**
     * Writes a matrix as a Parquet file with one required DOUBLE column per matrix column,
     * streamed tile row by tile row. The file appears whole or not at all (written next to it,
     * then renamed), replacing any file of that name.
     *
     * @param names one per matrix column, or empty for {@code c0 .. c(n-1)}
     * @throws InteropException naming the file if writing fails
     */
    public static void writeParquet(BlockMatrix matrix, Path file, List<String> names) {
        requireNonNull(matrix, "matrix is null");
        List<String> cols = ColumnNames.forExport(names, matrix.cols());
        atomically(file, tmp -> ParquetExport.write(matrix, tmp, cols));
    }

    /** Writes a matrix as an Arrow IPC file ({@code fileFormat}) or stream, replacing {@code file} atomically. */
    public static void writeArrowIpc(BlockMatrix matrix, Path file, List<String> names, boolean fileFormat) {
        requireNonNull(matrix, "matrix is null");
        List<String> cols = ColumnNames.forExport(names, matrix.cols());
        atomically(file, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                    BufferAllocator allocator = new RootAllocator()) {
                ArrowExport.write(matrix, out, cols, fileFormat, allocator);
            }
        });
    }

    /** Writes a matrix as an Arrow IPC stream to {@code out} (left open). */
    public static void writeArrowStream(BlockMatrix matrix, OutputStream out, List<String> names) {
        requireNonNull(matrix, "matrix is null");
        requireNonNull(out, "out is null");
        List<String> cols = ColumnNames.forExport(names, matrix.cols());
        try (BufferAllocator allocator = new RootAllocator()) {
            ArrowExport.write(matrix, new NonClosing(out), cols, false, allocator);
        } catch (IOException e) {
            throw new InteropException("Arrow stream", "writing failed: " + e.getMessage(), e);
        }
    }

    /**
     * Hands the matrix to {@code consumer} as Arrow record batches of non-null float64 columns,
     * one per tile row, in a single root that is refilled between calls (copy what you keep).
     */
    public static void forEachArrowBatch(BlockMatrix matrix, BufferAllocator allocator, List<String> names,
            Consumer<VectorSchemaRoot> consumer) {
        requireNonNull(matrix, "matrix is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(consumer, "consumer is null");
        ArrowExport.forEachBatch(matrix, allocator, ColumnNames.forExport(names, matrix.cols()), consumer);
    }

    @FunctionalInterface
    private interface FileWrite {
        void write(Path tmp) throws IOException;
    }

    private static void atomically(Path file, FileWrite write) {
        requireNonNull(file, "file is null");
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp-" + Long.toHexString(System.nanoTime()));
        try {
            write.write(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; report that
            }
            if (e instanceof InteropException ie) {
                throw ie;
            }
            throw new InteropException("file " + abs, "writing failed: " + e.getMessage(), e);
        }
    }

    /** A name says Parquet even when the bytes do not, so a file of another format is reported as not Parquet. */
    private static boolean isParquet(Path path) {
        return Files.isDirectory(path) || !Files.exists(path) || path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")
                || startsWith(path, "PAR1");
    }

    private static boolean startsWith(Path file, String magic) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(magic.length()), java.nio.charset.StandardCharsets.US_ASCII).equals(magic);
        } catch (IOException e) {
            throw new InteropException("file " + file.toAbsolutePath(), "cannot read it: " + e.getMessage(), e);
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
