package org.wren4j.spark;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.Wren;
import org.wren4j.interop.InteropException;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;
import org.wren4j.spark.internal.DataFrameExport;
import org.wren4j.spark.internal.DataFrameLoad;
import org.wren4j.spark.internal.ExecutorSessions;

/**
 * wren4j next to a Spark session: a wren4j session (the driver's) on a {@link SharedStore} the
 * executors reach too, so DataFrames become matrices and matrices DataFrames with the executors
 * writing and reading the tiles in parallel, never through the driver. Close it when done (it
 * closes the wren4j session, not the Spark one).
 *
 * <pre>{@code
 * try (WrenSpark ws = WrenSpark.create(spark, SharedStore.directory(Path.of("/shared/tiles")))) {
 *     LoadedTable t = ws.load(df, LoadOptions.builder().columnsMatching("x*").label("y").build());
 *     BlockMatrix x = t.features();
 *     BlockMatrix w = x.T().matmul(x).solve(x.T().matmul(t.label().orElseThrow()));
 *     Dataset<Row> coefficients = ws.toDataFrame(w, List.of("w"));
 * }
 * }</pre>
 */
public final class WrenSpark implements AutoCloseable {
    private final SparkSession spark;
    private final SharedStore store;
    private final Wren wren;

    private WrenSpark(SparkSession spark, SharedStore store, Wren wren) {
        this.spark = spark;
        this.store = store;
        this.wren = wren;
    }

    /** A wren4j session with default options on {@code store}, next to {@code spark}. */
    public static WrenSpark create(SparkSession spark, SharedStore store) {
        return create(spark, store, UnaryOperator.identity());
    }

    /**
     * A wren4j session on {@code store}, next to {@code spark}, with further options set by
     * {@code options} (e.g. {@code b -> b.blockSize(2048).workers(8)}); the store itself must
     * stay the one given.
     */
    public static WrenSpark create(SparkSession spark, SharedStore store, UnaryOperator<Wren.Builder> options) {
        requireNonNull(spark, "spark is null");
        requireNonNull(store, "store is null");
        requireNonNull(options, "options is null");
        return new WrenSpark(spark, store, options.apply(store.configure(Wren.builder())).build());
    }

    /** The driver's wren4j session: compute with the matrices it loads. */
    public Wren wren() {
        return wren;
    }

    public SparkSession spark() {
        return spark;
    }

    public SharedStore store() {
        return store;
    }

    /**
     * Loads a DataFrame as {@link org.wren4j.interop.Tables} loads a table file, with the same
     * {@link LoadOptions} (column names, globs and kinds; nulls; non-finite values; one-hot
     * encoding; label). Rows come in partition order, then in order within each partition. Spark
     * runs a job that counts each partition's rows (and, under {@code dropRow()}, its nulls), a
     * job whose tasks write the tiles, and a small one that joins the tile rows two partitions
     * share; text categories not declared in the options are found first with a
     * {@code distinct()} per column. The DataFrame is computed more than once: cache it if that
     * is costly or if it is not deterministic.
     *
     * <p>Integer, float, double, decimal and boolean columns load as numbers, string columns as
     * categories; other Spark types (dates, arrays, structs, ...) only if left out.
     *
     * @throws InteropException naming the column and the partition and row of a refused value
     * @throws org.wren4j.api.WrenException if a Spark job fails otherwise
     */
    public LoadedTable load(Dataset<Row> df, LoadOptions options) {
        requireNonNull(df, "df is null");
        requireNonNull(options, "options is null");
        return DataFrameLoad.load(wren, store, df, options);
    }

    /**
     * The matrix as a DataFrame of non-null double columns, one row per matrix row in order,
     * read by the executors tile row by tile row (computing the matrix first if needed).
     *
     * @param names one per column, or empty for the names stored with the matrix (a loaded
     *     table's), else {@code c0 .. c(n-1)}
     * @throws IllegalArgumentException if the names do not fit or the matrix is of another session
     */
    public Dataset<Row> toDataFrame(BlockMatrix matrix, List<String> names) {
        requireNonNull(matrix, "matrix is null");
        requireNonNull(names, "names is null");
        return DataFrameExport.toDataFrame(spark, wren, store, matrix, names);
    }

    /** Closes the driver's wren4j session (and, in local mode, the executor's session in this JVM). */
    @Override
    public void close() {
        try {
            wren.close();
        } finally {
            ExecutorSessions.close(store);
        }
    }
}
