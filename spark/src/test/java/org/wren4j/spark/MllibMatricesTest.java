package org.wren4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.CoordinateMatrix;
import org.apache.spark.mllib.linalg.distributed.IndexedRow;
import org.apache.spark.mllib.linalg.distributed.IndexedRowMatrix;
import org.apache.spark.mllib.linalg.distributed.MatrixEntry;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.BlockMatrix;

/** MLlib's distributed matrices to wren4j and back on local[2], every value compared with MLlib's own. */
class MllibMatricesTest {
    @TempDir
    static Path dir;
    private static WrenSpark ws;
    private static JavaSparkContext jsc;

    @BeforeAll
    static void start() {
        ws = WrenSpark.create(LocalSpark.get(), SharedStore.directory(dir.resolve("tiles")), b -> b.workers(1));
        jsc = JavaSparkContext.fromSparkContext(ws.spark().sparkContext());
    }

    @AfterAll
    static void stop() {
        ws.close();
    }

    private static double[][] local(Matrix m) {
        double[][] out = new double[m.numRows()][m.numCols()];
        for (int r = 0; r < m.numRows(); r++) {
            for (int c = 0; c < m.numCols(); c++) {
                out[r][c] = m.apply(r, c);
            }
        }
        return out;
    }

    /** A sparse-ish 10 x 7 matrix whose entries leave whole 4 x 4 blocks empty. */
    private static CoordinateMatrix coordinates() {
        var entries = new ArrayList<MatrixEntry>();
        Random rnd = new Random(4);
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 7; c++) {
                boolean emptyBlock = r >= 4 && r < 8 && c >= 4;
                if (!emptyBlock && (r + c) % 3 != 0) {
                    entries.add(new MatrixEntry(r, c, rnd.nextGaussian()));
                }
            }
        }
        return new CoordinateMatrix(jsc.parallelize(entries, 3).rdd(), 10, 7);
    }

    @Test
    void squareBlocksBecomeTilesAndMissingBlocksZeros() {
        org.apache.spark.mllib.linalg.distributed.BlockMatrix mllib = coordinates().toBlockMatrix(4, 4);
        assertThat(mllib.blocks().count()).isLessThan(9); // MLlib left the empty block out
        BlockMatrix m = MllibMatrices.fromMllib(ws, mllib);
        assertThat(m.blockSize()).isEqualTo(4);
        assertThat(Bits.of(m.toArray())).isDeepEqualTo(Bits.of(local(mllib.toLocalMatrix())));
    }

    @Test
    void otherBlockShapesAndBlocksLargerThanTheMatrixConvert() {
        org.apache.spark.mllib.linalg.distributed.BlockMatrix tall = coordinates().toBlockMatrix(3, 5);
        assertThat(Bits.of(MllibMatrices.fromMllib(ws, tall).toArray())).isDeepEqualTo(Bits.of(local(tall.toLocalMatrix())));
        org.apache.spark.mllib.linalg.distributed.BlockMatrix big = coordinates().toBlockMatrix(64, 64);
        assertThat(Bits.of(MllibMatrices.fromMllib(ws, big).toArray())).isDeepEqualTo(Bits.of(local(big.toLocalMatrix())));
    }

    @Test
    void wrenToMllibBlockMatrixMultipliesAsWrenDoes() {
        BlockMatrix a = ws.wren().random(13, 9, 4, 11);
        org.apache.spark.mllib.linalg.distributed.BlockMatrix mllib = MllibMatrices.toBlockMatrix(ws, a);
        assertThat(mllib.rowsPerBlock()).isEqualTo(4);
        assertThat(mllib.colsPerBlock()).isEqualTo(4);
        mllib.validate();
        assertThat(Bits.of(local(mllib.toLocalMatrix()))).isDeepEqualTo(Bits.of(a.toArray()));
        double[][] gramMllib = local(mllib.transpose().multiply(mllib).toLocalMatrix());
        double[][] gram = a.T().matmul(a).toArray();
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                assertThat(gram[i][j]).isCloseTo(gramMllib[i][j], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        assertThat(Bits.of(MllibMatrices.fromMllib(ws, mllib).toArray())).isDeepEqualTo(Bits.of(a.toArray()));
    }

    @Test
    void rowMatricesKeepPartitionOrderBothWays() {
        var rows = new ArrayList<Vector>();
        for (int r = 0; r < 29; r++) {
            rows.add(Vectors.dense(r, -r * 0.25, r % 3 == 0 ? Double.NaN : r * r));
        }
        RowMatrix mllib = new RowMatrix(jsc.parallelize(rows, 6).rdd());
        BlockMatrix m = MllibMatrices.fromMllib(ws, mllib, 4);
        double[][] want = rows.stream().map(Vector::toArray).toArray(double[][]::new);
        assertThat(Bits.of(m.toArray())).isDeepEqualTo(Bits.of(want));
        RowMatrix back = MllibMatrices.toRowMatrix(ws, m);
        assertThat(back.numRows()).isEqualTo(29);
        assertThat(back.numCols()).isEqualTo(3);
        double[][] got = back.rows().toJavaRDD().collect().stream().map(Vector::toArray).toArray(double[][]::new);
        assertThat(Bits.of(got)).isDeepEqualTo(Bits.of(want));
    }

    @Test
    void indexedRowsInAnyOrderWithGapsBecomeZeroRows() {
        var rows = new ArrayList<IndexedRow>();
        for (int r = 0; r < 23; r++) {
            if (r % 5 != 2 && (r < 8 || r >= 12)) { // rows 8..11 leave a whole tile row of 4 empty
                rows.add(new IndexedRow(r, Vectors.dense(r + 0.5, r * 2.0)));
            }
        }
        Collections.shuffle(rows, new Random(3));
        IndexedRowMatrix mllib = new IndexedRowMatrix(jsc.parallelize(rows, 4).rdd(), 23, 2);
        double[][] want = new double[23][2];
        rows.forEach(r -> want[(int) r.index()] = r.vector().toArray());
        BlockMatrix m = MllibMatrices.fromMllib(ws, mllib, 4);
        assertThat(Bits.of(m.toArray())).isDeepEqualTo(Bits.of(want));
        IndexedRowMatrix back = MllibMatrices.toIndexedRowMatrix(ws, m);
        double[][] got = new double[23][];
        List<IndexedRow> collected = back.rows().toJavaRDD().collect();
        collected.forEach(r -> got[(int) r.index()] = r.vector().toArray());
        assertThat(collected).hasSize(23);
        assertThat(Bits.of(got)).isDeepEqualTo(Bits.of(want));
    }
}
