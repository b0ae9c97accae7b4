package org.wren4j.spark.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.functions;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.SharedMatrix;
import org.wren4j.api.Wren;
import org.wren4j.interop.InteropException;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;
import org.wren4j.interop.TableColumn;
import org.wren4j.interop.internal.ColumnPlan;
import org.wren4j.interop.internal.Slot;
import org.wren4j.spark.SharedStore;

/**
 * A DataFrame to matrices, in three Spark jobs whose tasks write the tiles themselves: (1) each
 * partition counts the rows it keeps, reading no value (at most a null flag), so every partition
 * knows where its rows go; (2) each
 * partition writes its rows as one range of a {@link SharedMatrix}: the tile rows it covers whole
 * as final tiles, its share of the tile rows at its two ends as pieces; (3) one small task per tile
 * row that partitions share joins its pieces. Rows never leave their partition and the driver
 * handles only counts; the order is partition order, then row order within a partition. Each value
 * is converted once, in (2), read in place from Spark's internal rows.
 */
public final class DataFrameLoad {
    private static final String SOURCE = "DataFrame";

    private DataFrameLoad() {
    }

    public static LoadedTable load(Wren wren, SharedStore store, Dataset<Row> df, LoadOptions options) {
        List<TableColumn> schema = SparkColumns.of(df.schema());
        ColumnPlan plan = ColumnPlan.resolve(SOURCE, schema, options);
        Dataset<Row> selected = df.select(plan.slots().stream().map(s -> column(s.name())).toArray(Column[]::new));
        if (!plan.toDiscover().isEmpty()) {
            plan = plan.withCategories(SOURCE, distinctValues(selected, plan.toDiscover()));
        }
        int block = options.blockSize() > 0 ? options.blockSize() : wren.defaultBlockSize();
        LoadSpec spec = new LoadSpec(plan, options, selected.schema());
        // Both jobs run the same RDD: the same physical plan (adaptive execution settles it once), so the same partitions.
        JavaRDD<InternalRow> rows = internalRows(selected);
        long[] counts = count(rows, spec, block);
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            throw new InteropException(SOURCE, spec.dropsRows() ? "every row had a null and was dropped (or the table has no rows)" : "the table has no rows");
        }
        Optional<Slot> labelSlot = plan.label();
        SharedMatrix features = wren.sharedMatrix(plan.width(), block, counts);
        SharedMatrix label = labelSlot.isPresent() ? wren.sharedMatrix(1, block, counts) : null;
        try {
            long[] readDropped = write(rows, spec, block, store, features, label);
            SharedMerge.run(JavaSparkContext.fromSparkContext(df.sparkSession().sparkContext()), store, features, label);
            BlockMatrix f = features.finish(wren, plan.columnNames());
            Optional<BlockMatrix> l = label == null ? Optional.empty() : Optional.of(label.finish(wren, List.of(labelSlot.get().name())));
            List<String> classes = labelSlot.isPresent() && labelSlot.get().role() == Slot.Role.LABEL_CLASSES ? labelSlot.get().categories() : List.of();
            return new LoadedTable(f, l, plan.columnNames(), plan.oneHotMappings(), classes, readDropped[0], readDropped[1], plan.droppedColumns());
        } catch (RuntimeException e) {
            features.delete(wren);
            if (label != null) {
                label.delete(wren);
            }
            throw e;
        }
    }

    /** A column by its exact name, dots and backticks included. */
    static Column column(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }

    private static Map<String, Collection<String>> distinctValues(Dataset<Row> selected, List<TableColumn> columns) {
        var out = new HashMap<String, Collection<String>>();
        for (TableColumn c : columns) {
            List<Row> values;
            try {
                // One more than allowed is enough to refuse: the driver never collects more.
                values = selected.select(column(c.name())).distinct().limit(ColumnPlan.MAX_CATEGORIES + 1).collectAsList();
            } catch (Exception e) { // SparkException is checked in Java's eyes, thrown unchecked by Scala
                throw SparkFailures.of("finding the categories of column '" + c.name() + "'", e);
            }
            var texts = new TreeSet<String>();
            for (Row r : values) {
                if (!r.isNullAt(0)) {
                    texts.add(SparkColumns.text(r.get(0)));
                }
            }
            out.put(c.name(), texts);
        }
        return out;
    }

    /**
     * The Dataset's rows as Spark computes them, before any conversion to {@link Row}: reading
     * values from these in place is what makes a load cheap. Reached reflectively because the
     * Dataset type that has {@code queryExecution()} moved between Spark 3.5 and 4.
     */
    static JavaRDD<InternalRow> internalRows(Dataset<Row> df) {
        QueryExecution qe;
        try {
            qe = (QueryExecution) df.getClass().getMethod("queryExecution").invoke(df);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Spark's Dataset has no queryExecution(): " + e, e);
        }
        return qe.toRdd().toJavaRDD();
    }

    private static long[] count(JavaRDD<InternalRow> rows, LoadSpec spec, int block) {
        List<long[]> perPartition;
        try {
            perPartition = rows.mapPartitionsWithIndex((p, it) -> List.of(new long[] {p, new PartitionLoad(spec, block, p).count(it)}).iterator(),
                    false).collect();
        } catch (Exception e) {
            throw SparkFailures.of("counting the rows of the DataFrame's partitions", e);
        }
        long[] counts = new long[rows.getNumPartitions()];
        for (long[] pc : perPartition) {
            counts[(int) pc[0]] = pc[1];
        }
        return counts;
    }

    private static long[] write(JavaRDD<InternalRow> rows, LoadSpec spec, int block, SharedStore store, SharedMatrix features, SharedMatrix label) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(rows.context());
        List<long[]> stats = SparkJobs.run(jsc, () -> rows.mapPartitionsWithIndex((p, it) -> List.of(
                new PartitionLoad(spec, block, p).write(ExecutorSessions.get(store), features, label, p, it)).iterator(), false).collectAsync(),
                "writing the DataFrame's rows as tiles");
        long read = 0;
        long dropped = 0;
        for (long[] s : stats) {
            read += s[0];
            dropped += s[1];
        }
        return new long[] {read, dropped};
    }
}
