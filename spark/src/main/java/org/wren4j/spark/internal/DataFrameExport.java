package org.wren4j.spark.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.Wren;
import org.wren4j.interop.internal.ColumnNames;
import org.wren4j.spark.SharedStore;

/**
 * A matrix to a DataFrame: the driver computes it and names it; the executors each read a run of
 * tile rows from the store, so partition {@code p} holds consecutive rows and the rows keep their order.
 */
public final class DataFrameExport {
    private DataFrameExport() {
    }

    public static Dataset<Row> toDataFrame(SparkSession spark, Wren wren, SharedStore store, BlockMatrix matrix, List<String> names) {
        BlockMatrix stored = wren.compute(matrix).get(0); // also refuses a matrix of another session
        String name = stored.name();
        List<String> cols = ColumnNames.forExport(names.isEmpty() ? wren.info(name).columnNames() : names, stored.cols());
        StructType schema = new StructType(cols.stream().map(c -> DataTypes.createStructField(c, DataTypes.DoubleType, false))
                .toArray(StructField[]::new));
        long tileRows = (stored.rows() + stored.blockSize() - 1) / stored.blockSize();
        var indices = new ArrayList<Long>();
        for (long t = 0; t < tileRows; t++) {
            indices.add(t);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = (int) Math.min(tileRows, Math.max(1, jsc.defaultParallelism()));
        JavaRDD<Row> rows = jsc.parallelize(indices, slices).mapPartitions(ts -> readTileRows(store, name, ts));
        return spark.createDataFrame(rows, schema);
    }

    private static Iterator<Row> readTileRows(SharedStore store, String name, Iterator<Long> tileRows) {
        BlockMatrix m = ExecutorSessions.get(store).open(name);
        return new Iterator<>() {
            private double[][] block = new double[0][];
            private int next;

            @Override
            public boolean hasNext() {
                while (next == block.length && tileRows.hasNext()) {
                    block = m.tileRow(tileRows.next());
                    next = 0;
                }
                return next < block.length;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                double[] r = block[next++];
                Object[] values = new Object[r.length];
                for (int c = 0; c < r.length; c++) {
                    values[c] = r[c];
                }
                return RowFactory.create(values);
            }
        };
    }
}
