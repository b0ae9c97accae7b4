package org.wren4j.spark.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.distributed.IndexedRow;
import org.apache.spark.mllib.linalg.distributed.IndexedRowMatrix;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.RangeWriter;
import org.wren4j.api.SharedMatrix;
import org.wren4j.api.Wren;
import org.wren4j.api.WrenException;
import org.wren4j.spark.SharedStore;
import scala.Tuple2;

/** MLlib's distributed matrices to wren4j matrices, the executors writing the tiles. */
public final class MllibImport {
    private MllibImport() {
    }

    /**
     * Block (i, j) of MLlib becomes tile (i, j) when MLlib's blocks are square; blocks MLlib leaves
     * out (all zeros) are written as zeros. Only the indices of the blocks present reach the driver.
     */
    public static BlockMatrix fromBlocks(JavaSparkContext jsc, Wren wren, SharedStore store,
            org.apache.spark.mllib.linalg.distributed.BlockMatrix m) {
        int b = m.rowsPerBlock();
        SharedMatrix target = wren.sharedMatrix(m.numCols(), b, new long[] {m.numRows()});
        long tileRows = (m.numRows() + b - 1) / b;
        long tileCols = (m.numCols() + b - 1) / b;
        try {
            JavaRDD<Tuple2<Tuple2<Object, Object>, Matrix>> blocks = m.blocks().toJavaRDD();
            List<long[]> present = SparkJobs.run(jsc, () -> blocks.mapPartitions(it -> {
                Wren session = ExecutorSessions.get(store);
                var done = new ArrayList<long[]>();
                while (it.hasNext()) {
                    var block = it.next();
                    int i = (Integer) block._1()._1();
                    int j = (Integer) block._1()._2();
                    Matrix v = block._2();
                    target.writeTile(session, i, j, v.numRows(), v.numCols(), v.toArray());
                    done.add(new long[] {i, j});
                }
                return done.iterator();
            }).collectAsync(), "writing the blocks of an MLlib BlockMatrix as tiles");
            Set<Long> written = new HashSet<>();
            present.forEach(ij -> written.add(ij[0] * tileCols + ij[1]));
            var missing = new ArrayList<Long>();
            for (long t = 0; t < tileRows * tileCols; t++) {
                if (!written.contains(t)) {
                    missing.add(t);
                }
            }
            if (!missing.isEmpty()) {
                SparkJobs.run(jsc, () -> jsc.parallelize(missing, Math.min(missing.size(), Math.max(1, jsc.defaultParallelism()))).foreachAsync(t -> {
                    long i = t / tileCols;
                    long j = t % tileCols;
                    int rows = (int) Math.min(b, target.rows() - i * b);
                    int cols = (int) Math.min(b, target.cols() - j * b);
                    target.writeTile(ExecutorSessions.get(store), i, j, rows, cols, new double[rows * cols]);
                }), "writing the zero blocks of an MLlib BlockMatrix as tiles");
            }
        } catch (RuntimeException e) {
            target.delete(wren);
            throw e;
        }
        return target.finish(wren, List.of());
    }

    /** Rows in partition order, as a DataFrame's: a count, a write of each partition's range, a merge of shared tile rows. */
    public static BlockMatrix fromRows(JavaSparkContext jsc, Wren wren, SharedStore store, RowMatrix m, int blockSize) {
        JavaRDD<Vector> rows = m.rows().toJavaRDD();
        long cols = m.numCols();
        SharedMatrix target;
        try {
            List<long[]> counts = rows.mapPartitionsWithIndex((p, it) -> {
                long n = 0;
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
                return List.of(new long[] {p, n}).iterator();
            }, false).collect();
            long[] perPartition = new long[rows.getNumPartitions()];
            counts.forEach(pc -> perPartition[(int) pc[0]] = pc[1]);
            target = wren.sharedMatrix(cols, blockSize, perPartition);
        } catch (Exception e) {
            throw SparkFailures.of("counting the rows of an MLlib RowMatrix", e);
        }
        try {
            SparkJobs.run(jsc, () -> rows.mapPartitionsWithIndex((p, it) -> {
                writeRange(target, ExecutorSessions.get(store), p, it);
                return List.<Long>of().iterator();
            }, false).countAsync(), "writing the rows of an MLlib RowMatrix as tiles");
            SharedMerge.run(jsc, store, target, null);
        } catch (RuntimeException e) {
            target.delete(wren);
            throw e;
        }
        return target.finish(wren, List.of());
    }

    private static void writeRange(SharedMatrix target, Wren session, int range, Iterator<Vector> rows) {
        try (RangeWriter w = target.writer(session, range)) {
            while (rows.hasNext()) {
                Vector v = rows.next();
                if (v.size() != target.cols()) {
                    throw new WrenException("RowMatrix partition " + range + ", row " + w.rows() + ": " + v.size() + " values, the matrix has "
                            + target.cols() + " columns");
                }
                if (w.rows() == target.rangeRows(range)) {
                    throw new WrenException("RowMatrix partition " + range + " has more rows than when it was counted: cache it before converting");
                }
                w.appendRow(v.toArray());
            }
            w.finish();
        }
    }

    /**
     * Rows by index: grouped by tile row (rows with unordered indices need that one shuffle), each
     * group written as whole tiles, rows MLlib leaves out as zeros.
     */
    public static BlockMatrix fromIndexedRows(JavaSparkContext jsc, Wren wren, SharedStore store, IndexedRowMatrix m, int blockSize) {
        long rows = m.numRows();
        long cols = m.numCols();
        int b = blockSize;
        SharedMatrix target = wren.sharedMatrix(cols, b, new long[] {rows});
        long tileRows = (rows + b - 1) / b;
        try {
            JavaRDD<IndexedRow> indexed = m.rows().toJavaRDD();
            List<Long> present = SparkJobs.run(jsc, () -> indexed.mapToPair(r -> new Tuple2<>(r.index() / b, r)).groupByKey().map(group -> {
                writeTileRow(target, ExecutorSessions.get(store), group._1(), group._2());
                return group._1();
            }).collectAsync(), "writing the rows of an MLlib IndexedRowMatrix as tiles");
            Set<Long> written = new HashSet<>(present);
            var missing = new ArrayList<Long>();
            for (long t = 0; t < tileRows; t++) {
                if (!written.contains(t)) {
                    missing.add(t);
                }
            }
            if (!missing.isEmpty()) {
                SparkJobs.run(jsc, () -> jsc.parallelize(missing, Math.min(missing.size(), Math.max(1, jsc.defaultParallelism())))
                        .foreachAsync(t -> writeTileRow(target, ExecutorSessions.get(store), t, List.of())), "writing the zero rows of an MLlib IndexedRowMatrix");
            }
        } catch (RuntimeException e) {
            target.delete(wren);
            throw e;
        }
        return target.finish(wren, List.of());
    }

    private static void writeTileRow(SharedMatrix target, Wren session, long tileRow, Iterable<IndexedRow> rows) {
        int b = target.blockSize();
        long top = tileRow * b;
        int height = (int) Math.min(b, target.rows() - top);
        int cols = (int) target.cols();
        double[] values = new double[height * cols]; // column-major, height x cols
        for (IndexedRow r : rows) {
            double[] v = r.vector().toArray();
            if (v.length != cols) {
                throw new WrenException("IndexedRowMatrix row " + r.index() + ": " + v.length + " values, the matrix has " + cols + " columns");
            }
            int i = (int) (r.index() - top);
            for (int c = 0; c < cols; c++) {
                values[c * height + i] = v[c];
            }
        }
        for (long j = 0; j * b < cols; j++) {
            int c0 = (int) (j * b);
            int w = Math.min(b, cols - c0);
            double[] tile = new double[height * w];
            System.arraycopy(values, c0 * height, tile, 0, height * w);
            target.writeTile(session, tileRow, j, height, w, tile);
        }
    }
}
