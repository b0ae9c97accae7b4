package org.wren4j.interop.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;
import org.wren4j.api.Wren;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;
import org.wren4j.interop.Tables;
import org.wren4j.interop.internal.ParquetExport;
import org.wren4j.tiles.MemoryObjectStore;
import org.wren4j.spi.ObjectStore;
import org.wren4j.tiles.TileStore;

/**
 * Parquet table of doubles to tiles: writes a file of {@code --gib} GiB of doubles into a temp
 * directory (deleted afterwards), then times, in the same JVM, plain Parquet decoding of every
 * value (the low-level column readers, summing) against {@link Tables#loadParquet} into a session
 * whose tiles are kept in memory and into one whose tiles are discarded after encoding (the
 * conversion alone). Prints one JSON line per phase: MB/s of value bytes, peak heap used (garbage
 * included, so it grows with -Xmx) and peak live heap after a collection; the loads are then
 * read back and summed (untimed) against the sum of the written values. Run the discard phase
 * alone under a small -Xmx to see the bound.
 *
 * <p>{@code java -Xmx4g --add-opens=java.base/java.nio=ALL-UNNAMED -cp ... org.wren4j.interop.bench.ParquetLoadBench
 * [--gib 1] [--cols 32] [--block 1024] [--workers 2] [--dir /tmp] [--phases plain,memory,discard]}
 */
public final class ParquetLoadBench {
    private ParquetLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        double gib = 1.0;
        int cols = 32;
        int block = 1024;
        int workers = Runtime.getRuntime().availableProcessors();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> phases = List.of("plain", "memory", "discard");
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--gib" -> gib = Double.parseDouble(v);
                case "--cols" -> cols = Integer.parseInt(v);
                case "--block" -> block = Integer.parseInt(v);
                case "--workers" -> workers = Integer.parseInt(v);
                case "--dir" -> dir = Path.of(v);
                case "--phases" -> phases = List.of(v.split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long rows = (long) Math.ceil(gib * (1L << 30) / (8.0 * cols));
        long valueBytes = rows * cols * 8;
        Path work = Files.createTempDirectory(dir, "wren4j-bench-");
        Path file = work.resolve("doubles.parquet");
        try {
            long t0 = System.nanoTime();
            double expectedSum = write(file, rows, cols);
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.println(json("write", valueBytes, writeSeconds, -1, String.format(Locale.ROOT,
                    "\"rows\":%d,\"cols\":%d,\"file_bytes\":%d,\"max_heap_mb\":%d", rows, cols, Files.size(file),
                    Runtime.getRuntime().maxMemory() >> 20)));
            for (String phase : phases) {
                int b = block;
                int w = workers;
                switch (phase) {
                    case "plain" -> measure("plain_parquet_decode", valueBytes, expectedSum, poller -> plainDecode(file));
                    case "memory" -> measure("load_to_memory_store", valueBytes, expectedSum, poller -> load(file, new MemoryObjectStore(), b, w, poller));
                    case "discard" -> measure("load_to_discarding_store", valueBytes, Double.NaN, poller -> load(file, new DiscardingStore(), b, w, poller));
                    default -> throw new IllegalArgumentException("unknown phase " + phase);
                }
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(work);
        }
    }

    private static double write(Path file, long rows, int cols) throws IOException {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            names.add("c" + c);
        }
        SplittableRandom rnd = new SplittableRandom(42);
        double sum = 0;
        try (ParquetWriter<double[]> w = ParquetExport.writer(file, ParquetExport.schema(names))) {
            double[] row = new double[cols];
            for (long r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    row[c] = rnd.nextDouble();
                    sum += row[c];
                }
                w.write(row);
            }
        }
        return sum;
    }

    /** Decodes every value through the column readers, column by column, and sums them in row order. */
    static double plainDecode(Path file) {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
            List<ColumnDescriptor> columns = schema.getColumns();
            GroupConverter ignore = new GroupConverter() {
                private final PrimitiveConverter leaf = new PrimitiveConverter() { };

                @Override
                public Converter getConverter(int fieldIndex) {
                    return leaf;
                }

                @Override
                public void start() {
                }

                @Override
                public void end() {
                }
            };
            double sum = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                var store = new ColumnReadStoreImpl(pages, ignore, schema, createdBy);
                long n = pages.getRowCount();
                double[] rowSums = new double[(int) n];
                for (ColumnDescriptor d : columns) {
                    ColumnReader r = store.getColumnReader(d);
                    for (int i = 0; i < n; i++) {
                        rowSums[i] += r.getDouble();
                        r.consume();
                    }
                }
                for (double s : rowSums) {
                    sum += s;
                }
            }
            return sum;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Loads (timed by the caller up to {@code loaded.run()}), then sums the matrix to check it. */
    private static double load(Path file, ObjectStore objects, int block, int workers, Runnable loaded) {
        try (Wren wren = Wren.builder().workers(workers).objectStore(objects, "bench").build()) {
            LoadedTable t = Tables.loadParquet(wren, file, LoadOptions.builder().blockSize(block).build());
            loaded.run();
            if (objects instanceof DiscardingStore) {
                return Double.NaN;
            }
            double[] sum = {0};
            t.features().forEachRowBlock((first, rows) -> {
                for (double[] row : rows) {
                    double s = 0;
                    for (double v : row) {
                        s += v;
                    }
                    sum[0] += s;
                }
            });
            return sum[0];
        }
    }

    /** The phase calls {@code done.run()} when the timed part ends (or returns, whichever is first). */
    private static void measure(String phase, long valueBytes, double expectedSum, java.util.function.Function<Runnable, Double> run) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicLong peakLive = new AtomicLong(0);
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                long live = 0;
                for (MemoryPoolMXBean p : heapPools) {
                    live += p.getCollectionUsage().getUsed();
                }
                peakLive.accumulateAndGet(live, Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-poller");
        poller.setDaemon(true);
        poller.start();
        long t0 = System.nanoTime();
        long[] end = {0};
        Runnable done = () -> {
            if (end[0] == 0) {
                end[0] = System.nanoTime();
                poller.interrupt();
            }
        };
        double sum = run.apply(done);
        done.run();
        double seconds = (end[0] - t0) / 1e9;
        String check = Double.isNaN(expectedSum) ? "\"check\":\"not read back\""
                : String.format(Locale.ROOT, "\"check\":\"%s\"", Math.abs(sum - expectedSum) <= 1e-9 * Math.abs(expectedSum) ? "sum ok" : "SUM MISMATCH " + sum + " vs " + expectedSum);
        System.out.println(json(phase, valueBytes, seconds, (peak.get() - baseline) >> 20,
                String.format(Locale.ROOT, "\"heap_baseline_mb\":%d,\"peak_heap_used_mb\":%d,\"peak_live_after_gc_mb\":%d,%s",
                        baseline >> 20, peak.get() >> 20, peakLive.get() >> 20, check)));
    }

    private static String json(String phase, long bytes, double seconds, long peakAboveBaselineMb, String extra) {
        return String.format(Locale.ROOT, "{\"phase\":\"%s\",\"value_bytes\":%d,\"seconds\":%.3f,\"mb_per_s\":%.1f,\"peak_heap_above_baseline_mb\":%d,%s}",
                phase, bytes, seconds, bytes / 1e6 / seconds, peakAboveBaselineMb, extra);
    }

    /** Counts tile bytes and forgets them: the conversion's own cost and memory, without a store holding the result. */
    static final class DiscardingStore implements ObjectStore {
        private final AtomicLong bytes = new AtomicLong();

        @Override
        public CompletionStage<PutResult> putIfAbsent(String key, byte[] value) {
            bytes.addAndGet(value.length);
            return CompletableFuture.completedFuture(PutResult.CREATED);
        }

        @Override
        public CompletionStage<Void> put(String key, byte[] value) {
            bytes.addAndGet(value.length);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Optional<byte[]>> get(String key) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Void> delete(String key) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<List<String>> list(String prefix) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public String describe() {
            return "discard";
        }

        @Override
        public void close() {
        }
    }
}
