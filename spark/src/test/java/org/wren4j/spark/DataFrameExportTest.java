package org.wren4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.Wren;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;
import org.wren4j.interop.NonFinitePolicy;

/** Matrices to DataFrames on local[2], read by the executors tile row by tile row, and back. */
class DataFrameExportTest {
    @TempDir
    static Path dir;
    private static WrenSpark ws;

    @BeforeAll
    static void start() {
        ws = WrenSpark.create(LocalSpark.get(), SharedStore.directory(dir.resolve("tiles")), b -> b.workers(1));
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    private static double[][] values(int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                a[r][c] = r * 1000 + c + 1.0 / (c + 3);
            }
        }
        a[rows - 1][0] = Double.NaN;
        a[0][cols - 1] = -0.0;
        return a;
    }

    private static double[][] collect(Dataset<Row> df) {
        return df.collectAsList().stream().map(r -> {
            double[] v = new double[r.size()];
            for (int c = 0; c < v.length; c++) {
                v[c] = r.getDouble(c);
            }
            return v;
        }).toArray(double[][]::new);
    }

    @Test
    void raggedTilesComeBackInOrderBitForBitAndLoadBackToTheSameMatrix() {
        Wren wren = ws.wren();
        for (int[] shape : new int[][] {{23, 7, 5}, {5, 3, 64}, {1, 1, 1}, {1, 9, 4}}) {
            double[][] a = values(shape[0], shape[1]);
            BlockMatrix m = wren.fromArray(a, shape[2]);
            Dataset<Row> df = ws.toDataFrame(m, List.of());
            assertThat(df.columns()).hasSize(shape[1]).startsWith("c0");
            assertThat(df.schema().fields()).allMatch(f -> f.dataType() == DataTypes.DoubleType && !f.nullable());
            assertThat(Bits.of(collect(df))).as("%s", m).isDeepEqualTo(Bits.of(a));
            LoadedTable back = ws.load(df, LoadOptions.builder().nonFinite(NonFinitePolicy.ALLOW).blockSize(shape[2]).build());
            assertThat(Bits.of(back.features().toArray())).isDeepEqualTo(Bits.of(a));
        }
    }

    @Test
    void columnNamesComeFromTheLoadOrTheCallerAndALazyMatrixIsComputedFirst() {
        BlockMatrix x = ws.wren().fromArray(values(11, 3), 4);
        LoadedTable t = ws.load(ws.toDataFrame(x, List.of("a.b", "c`d", "e")), LoadOptions.builder().nonFinite(NonFinitePolicy.ALLOW).blockSize(4).build());
        assertThat(t.columnNames()).containsExactly("a.b", "c`d", "e");
        assertThat(ws.toDataFrame(t.features(), List.of()).columns()).containsExactly("a.b", "c`d", "e");
        BlockMatrix gram = x.slice(0, 10, 0, 3).T().matmul(x.slice(0, 10, 0, 3));
        double[][] g = collect(ws.toDataFrame(gram, List.of("p", "q", "r")));
        assertThat(Bits.of(g)).isDeepEqualTo(Bits.of(gram.toArray()));
        assertThatThrownBy(() -> ws.toDataFrame(x, List.of("only one"))).hasMessageContaining("1 column names given for a matrix of 3 columns");
    }

    @Test
    void aMatrixLargerThanTheDriversResultLimitIsSummedOnTheExecutorsAndLoadsBack() {
        // 3000 x 64 doubles (1.5 MB) > spark.driver.maxResultSize (1 MB): collecting the rows would fail
        BlockMatrix m = ws.wren().random(3000, 64, 256, 5);
        Dataset<Row> df = ws.toDataFrame(m, List.of());
        assertThat(df.javaRDD().getNumPartitions()).isEqualTo(2);
        Row sums = df.agg(functions.sum("c0"), functions.sum("c63")).first();
        double first = 0;
        double last = 0;
        double[][] a = m.toArray();
        for (double[] r : a) {
            first += r[0];
            last += r[63];
        }
        assertThat(sums.getDouble(0)).isCloseTo(first, offset(1e-9));
        assertThat(sums.getDouble(1)).isCloseTo(last, offset(1e-9));
        assertThat(ws.load(df, LoadOptions.builder().blockSize(256).build()).features().toArray()).isDeepEqualTo(a);
    }
}
