package org.wren4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.interop.InteropException;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;
import org.wren4j.interop.NonFinitePolicy;
import org.wren4j.interop.NullPolicy;
import org.wren4j.interop.Tables;

/**
 * DataFrames to matrices on local[2]: partitions of ragged sizes (some empty) over tiles of 4, so
 * most tile rows are shared by two partitions; every value checked bit for bit against the rows
 * the test made and against the Parquet loader reading the same rows from a file Spark wrote.
 */
class DataFrameLoadTest {
    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.LongType, false)
            .add("a", DataTypes.DoubleType, true)
            .add("b", DataTypes.IntegerType, true)
            .add("c", DataTypes.FloatType, false)
            .add("d", DataTypes.createDecimalType(12, 3), false)
            .add("e", DataTypes.BooleanType, false)
            .add("colour", DataTypes.StringType, true)
            .add("when", DataTypes.DateType, true)
            .add("kind", DataTypes.StringType, false);
    private static final String[] COLOURS = {"red", "green", "blue"};
    private static final String[] KINDS = {"x", "y"};
    private static final int ROWS = 41;

    @TempDir
    static Path dir;
    private static WrenSpark ws;
    private static List<Row> rows;

    @BeforeAll
    static void start() {
        ws = WrenSpark.create(LocalSpark.get(), SharedStore.directory(dir.resolve("tiles")), b -> b.workers(1));
        rows = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(18);
        for (int r = 0; r < ROWS; r++) {
            double a = r == 7 ? -0.0 : rnd.nextDouble() * 100 - 50;
            rows.add(RowFactory.create((long) r * 1_000_000_007L, a, r % 5 == 3 ? null : rnd.nextInt(-1000, 1000), (float) (r / 3.0),
                    new BigDecimal(BigDecimal.valueOf(rnd.nextLong(-1_000_000_000L, 1_000_000_000L)).unscaledValue(), 3), r % 2 == 0,
                    r % 7 == 6 ? null : COLOURS[r % 3], null, KINDS[r % 2]));
        }
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    private static Stream<Path> storeFiles() {
        try (Stream<Path> all = Files.walk(dir.resolve("tiles"))) {
            return all.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows in {@code slices} partitions; more slices than rows leaves some empty. */
    private static Dataset<Row> frame(List<Row> data, int slices) {
        SparkSession spark = ws.spark();
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(data, slices), SCHEMA);
    }

    private static double number(Object v) {
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) v).doubleValue();
    }

    @Test
    void numericColumnsOneHotAndATextLabelLoadBitForBitAcrossRaggedPartitions() {
        LoadOptions options = LoadOptions.builder().columns("a", "b", "c", "d", "e", "id").oneHot("colour").label("kind")
                .nullPolicy(NullPolicy.fill(Double.NaN)).blockSize(4).build();
        for (int slices : new int[] {3, ROWS + 5}) {
            LoadedTable t = ws.load(frame(rows, slices), options);
            assertThat(t.columnNames()).containsExactly("a", "b", "c", "d", "e", "id", "colour=blue", "colour=green", "colour=red");
            assertThat(t.oneHotMappings().get("colour")).containsExactly("blue", "green", "red");
            assertThat(t.labelClasses()).containsExactly("x", "y");
            assertThat(t.rowsRead()).isEqualTo(ROWS);
            double[][] x = t.features().toArray();
            double[][] y = t.label().orElseThrow().toArray();
            assertThat(x).hasNumberOfRows(ROWS);
            for (int r = 0; r < ROWS; r++) {
                Row row = rows.get(r);
                double[] want = new double[9];
                int[] from = {1, 2, 3, 4, 5, 0};
                for (int c = 0; c < 6; c++) {
                    want[c] = row.isNullAt(from[c]) ? Double.NaN : number(row.get(from[c]));
                }
                if (!row.isNullAt(6)) {
                    want[6 + List.of("blue", "green", "red").indexOf(row.getString(6))] = 1;
                }
                assertThat(x[r]).as("row %d with %d partitions", r, slices).isEqualTo(want);
                assertThat(y[r][0]).isEqualTo(r % 2);
            }
            assertThat(Double.doubleToRawLongBits(x[7][0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
            assertThat(ws.wren().info(t.features().name()).columnNames()).isEqualTo(t.columnNames());
        }
    }

    @Test
    void theSameRowsLoadAsTheParquetLoaderLoadsTheFileSparkWrote() {
        Path file = dir.resolve("rows.parquet");
        Dataset<Row> df = frame(rows, 5).drop("when");
        df.coalesce(1).write().parquet(file.toString());
        LoadOptions options = LoadOptions.builder().oneHot("colour").label("kind").nullPolicy(NullPolicy.dropRow()).blockSize(4).build();
        LoadedTable spark = ws.load(df, options);
        LoadedTable parquet = Tables.loadParquet(ws.wren(), file, options);
        assertThat(spark.columnNames()).isEqualTo(parquet.columnNames());
        assertThat(spark.rowsDropped()).isEqualTo(parquet.rowsDropped()).isPositive();
        assertThat(Bits.of(spark.features().toArray())).isDeepEqualTo(Bits.of(parquet.features().toArray()));
        assertThat(spark.label().orElseThrow().toArray()).isDeepEqualTo(parquet.label().orElseThrow().toArray());
    }

    @Test
    void nonFiniteValuesLoadBitForBitWhenAllowedAndFailNamingThePartitionRowOtherwise() {
        // Spark's rows keep one NaN (UnsafeRow canonicalises payloads), so NaN's bits are Double.NaN's
        long nan = Double.doubleToRawLongBits(Double.NaN);
        var data = new ArrayList<Row>();
        for (int r = 0; r < 10; r++) {
            double a = r == 2 ? Double.POSITIVE_INFINITY : r == 8 ? Double.NaN : r == 9 ? Double.NEGATIVE_INFINITY : r;
            data.add(RowFactory.create((long) r, a, r, 1f, BigDecimal.ONE, true, "red", null, "x"));
        }
        LoadedTable t = ws.load(frame(data, 2), LoadOptions.builder().columns("a").nonFinite(NonFinitePolicy.ALLOW).blockSize(3).build());
        double[][] x = t.features().toArray();
        assertThat(x[2][0]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(x[8][0])).isEqualTo(nan);
        assertThat(x[9][0]).isEqualTo(Double.NEGATIVE_INFINITY);
        // One bad value, early in the first partition, while the second is still writing its many tiles:
        // when the load fails, the second task's late writes must not outlive the clean-up.
        var finiteButOne = new ArrayList<Row>();
        for (int r = 0; r < 4000; r++) {
            finiteButOne.add(RowFactory.create((long) r, r == 2 ? Double.POSITIVE_INFINITY : r, r, 1f, BigDecimal.ONE, true, "red", null, "x"));
        }
        var before = storeFiles().map(Path::toString).toList();
        assertThatThrownBy(() -> ws.load(frame(finiteButOne, 2), LoadOptions.builder().columns("a").blockSize(3).build()))
                .isInstanceOf(InteropException.class)
                .hasMessageContaining("DataFrame partition 0, column 'a', row 2: the value is Infinity");
        // the failed load left no tiles and no pieces, and the successful ones no pieces
        assertThat(storeFiles().map(Path::toString).filter(f -> !before.contains(f)).toList()).isEmpty();
        assertThat(storeFiles().filter(f -> f.toString().contains("-pieces"))).isEmpty();
    }

    @Test
    void nullsFailByDefaultAndBadColumnsAreNamed() {
        assertThatThrownBy(() -> ws.load(frame(rows, 3), LoadOptions.builder().columns("b").build()))
                .isInstanceOf(InteropException.class)
                .hasMessageContaining("column 'b'").hasMessageContaining("null value");
        assertThatThrownBy(() -> ws.load(frame(rows, 3), LoadOptions.builder().columns("when").build()))
                .isInstanceOf(InteropException.class)
                .hasMessageContaining("DataFrame, column 'when'").hasMessageContaining("date");
        assertThatThrownBy(() -> ws.load(frame(rows, 3), LoadOptions.builder().columns("nope").build()))
                .isInstanceOf(InteropException.class).hasMessageContaining("no such column");
        assertThatThrownBy(() -> ws.load(frame(rows, 3).filter("id < 0"), LoadOptions.defaults()))
                .isInstanceOf(InteropException.class).hasMessageContaining("no rows");
    }
}
