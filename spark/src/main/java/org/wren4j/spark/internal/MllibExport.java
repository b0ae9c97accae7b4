package org.wren4j.spark.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.DenseMatrix;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.IndexedRow;
import org.apache.spark.mllib.linalg.distributed.IndexedRowMatrix;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.Wren;
import org.wren4j.spark.SharedStore;
import scala.Tuple2;

/** wren4j matrices to MLlib's distributed matrices, the executors reading the tiles. */
public final class MllibExport {
    private MllibExport() {
    }

    /** Tile (i, j) becomes block (i, j), of the same size; every tile is read by a task. */
    public static org.apache.spark.mllib.linalg.distributed.BlockMatrix toBlocks(JavaSparkContext jsc, Wren wren, SharedStore store,
            BlockMatrix matrix) {
        BlockMatrix m = wren.compute(matrix).get(0);
        String name = m.name();
        int b = m.blockSize();
        long tileRows = (m.rows() + b - 1) / b;
        long tileCols = (m.cols() + b - 1) / b;
        if (tileRows > Integer.MAX_VALUE || tileCols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("MLlib numbers blocks with ints; " + m + " has " + tileRows + " x " + tileCols + " tiles");
        }
        var tiles = new ArrayList<Long>();
        for (long t = 0; t < tileRows * tileCols; t++) {
            tiles.add(t);
        }
        int slices = (int) Math.min(tiles.size(), Math.max(1, 2L * jsc.defaultParallelism()));
        // mapToPair, not map: MLlib collects the blocks into an array of Tuple2, so the RDD's class tag must say Tuple2
        JavaPairRDD<Tuple2<Object, Object>, Matrix> blocks = jsc.parallelize(tiles, slices).mapToPair(t -> {
            int i = (int) (t / tileCols);
            int j = (int) (t % tileCols);
            double[][] rows = ExecutorSessions.get(store).open(name).tile(i, j);
            int h = rows.length;
            int w = rows[0].length;
            double[] columnMajor = new double[h * w];
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    columnMajor[c * h + r] = rows[r][c];
                }
            }
            return new Tuple2<>(new Tuple2<>(i, j), (Matrix) new DenseMatrix(h, w, columnMajor));
        });
        return new org.apache.spark.mllib.linalg.distributed.BlockMatrix(blocks.rdd(), b, b, m.rows(), m.cols());
    }

    /** Rows with their indices, read by tile row. */
    public static IndexedRowMatrix toIndexedRows(JavaSparkContext jsc, Wren wren, SharedStore store, BlockMatrix matrix) {
        BlockMatrix m = wren.compute(matrix).get(0);
        String name = m.name(); // the task takes the name, never the driver's handle
        int b = m.blockSize();
        JavaRDD<IndexedRow> rows = tileRows(jsc, m).mapPartitions(ts -> new RowsOf<>(store, name, b, ts,
                (index, v) -> new IndexedRow(index, Vectors.dense(v))));
        return new IndexedRowMatrix(rows.rdd(), m.rows(), checkedCols(m));
    }

    /** Rows in order, partition by partition, read by tile row. */
    public static RowMatrix toRows(JavaSparkContext jsc, Wren wren, SharedStore store, BlockMatrix matrix) {
        BlockMatrix m = wren.compute(matrix).get(0);
        String name = m.name();
        int b = m.blockSize();
        JavaRDD<Vector> rows = tileRows(jsc, m).mapPartitions(ts -> new RowsOf<>(store, name, b, ts, (index, v) -> Vectors.dense(v)));
        return new RowMatrix(rows.rdd(), m.rows(), checkedCols(m));
    }

    private static int checkedCols(BlockMatrix m) {
        if (m.cols() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("MLlib rows hold at most " + Integer.MAX_VALUE + " values; " + m + " has more columns");
        }
        return (int) m.cols();
    }

    private static JavaRDD<Long> tileRows(JavaSparkContext jsc, BlockMatrix m) {
        long tileRows = (m.rows() + m.blockSize() - 1) / m.blockSize();
        var indices = new ArrayList<Long>();
        for (long t = 0; t < tileRows; t++) {
            indices.add(t);
        }
        return jsc.parallelize(indices, (int) Math.min(tileRows, Math.max(1, jsc.defaultParallelism())));
    }

    /** Makes one element of a matrix row and its index. */
    @FunctionalInterface
    private interface RowMaker<T> {
        T make(long index, double[] values);
    }

    /** The rows of a run of tile rows, one tile row in memory at a time. */
    private static final class RowsOf<T> implements Iterator<T> {
        private final BlockMatrix m;
        private final int block;
        private final Iterator<Long> tileRows;
        private final RowMaker<T> maker;
        private double[][] rows = new double[0][];
        private long top;
        private int next;

        RowsOf(SharedStore store, String name, int block, Iterator<Long> tileRows, RowMaker<T> maker) {
            this.m = ExecutorSessions.get(store).open(name);
            this.block = block;
            this.tileRows = tileRows;
            this.maker = maker;
        }

        @Override
        public boolean hasNext() {
            while (next == rows.length && tileRows.hasNext()) {
                long t = tileRows.next();
                rows = m.tileRow(t);
                top = t * block;
                next = 0;
            }
            return next < rows.length;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int i = next++;
            return maker.make(top + i, rows[i]);
        }
    }

}
