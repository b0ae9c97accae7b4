package org.wren4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.BlockMatrix;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;
import org.wren4j.interop.Tables;
import scala.Tuple2;

/**
 * The digits table (1797 x 64, test-data/real) read by Spark, loaded by the executors, equal to
 * what the Parquet loader makes of the same file; then a ridge regression on it checked against a
 * dense solve in plain Java.
 */
class DigitsOnSparkTest {
    private static final double LAMBDA = 0.5;

    private static Path digits() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("test-data/real"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no test-data/real above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("test-data/real/digits.parquet");
    }

    @Test
    void digitsThroughADataFrameEqualTheParquetLoadAndSolveARidgeRegression(@TempDir Path dir) {
        try (WrenSpark ws = WrenSpark.create(LocalSpark.get(), SharedStore.directory(dir), b -> b.workers(2))) {
            // 5 partitions of ~360 rows over tiles of 256, in file order: every boundary falls inside a tile row
            Dataset<Row> file = ws.spark().read().parquet(digits().toString());
            JavaRDD<Row> ordered = file.javaRDD().zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1()))
                    .repartitionAndSortWithinPartitions(new Ranges(5, 1797)).values();
            Dataset<Row> five = ws.spark().createDataFrame(ordered, file.schema());
            assertThat(five.javaRDD().getNumPartitions()).isEqualTo(5);
            LoadOptions options = LoadOptions.builder().columnsMatching("pixel_*").label("target").blockSize(256).build();
            LoadedTable viaSpark = ws.load(five, options);
            LoadedTable viaParquet = Tables.loadParquet(ws.wren(), digits(), options);
            assertThat(viaSpark.columnNames()).isEqualTo(viaParquet.columnNames()).hasSize(64);
            double[][] x = viaSpark.features().toArray();
            double[][] y = viaSpark.label().orElseThrow().toArray();
            assertThat(Bits.of(x)).isDeepEqualTo(Bits.of(viaParquet.features().toArray()));
            assertThat(Bits.of(y)).isDeepEqualTo(Bits.of(viaParquet.label().orElseThrow().toArray()));

            BlockMatrix xs = viaSpark.features();
            BlockMatrix w = xs.T().matmul(xs).plus(ws.wren().eye(64, 256).times(LAMBDA)).solve(xs.T().matmul(viaSpark.label().orElseThrow()));
            double[] expected = ridge(x, y, LAMBDA);
            double[][] got = w.toArray();
            for (int i = 0; i < 64; i++) {
                assertThat(got[i][0]).as("w[%d]", i).isCloseTo(expected[i], offset(1e-9 * (1 + Math.abs(expected[i]))));
            }
        }
    }

    /** Row index {@code i} of {@code n} to partition {@code i * parts / n}: consecutive ranges. */
    private static final class Ranges extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int parts;
        private final long n;

        Ranges(int parts, long n) {
            this.parts = parts;
            this.n = n;
        }

        @Override
        public int numPartitions() {
            return parts;
        }

        @Override
        public int getPartition(Object key) {
            return (int) ((Long) key * parts / n);
        }
    }

    /** (X^T X + lambda I)^-1 X^T y by naive loops and Gaussian elimination with partial pivoting. */
    static double[] ridge(double[][] x, double[][] y, double lambda) {
        int n = x[0].length;
        double[][] a = new double[n][n + 1];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < n; i++) {
                a[i][n] += x[r][i] * y[r][0];
            }
        }
        for (int i = 0; i < n; i++) {
            a[i][i] += lambda;
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
                    p = i;
                }
            }
            double[] t = a[k];
            a[k] = a[p];
            a[p] = t;
            for (int i = k + 1; i < n; i++) {
                double f = a[i][k] / a[k][k];
                for (int j = k; j <= n; j++) {
                    a[i][j] -= f * a[k][j];
                }
            }
        }
        double[] w = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = a[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= a[i][j] * w[j];
            }
            w[i] = s / a[i][i];
        }
        return w;
    }
}
