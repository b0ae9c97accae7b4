package org.wren4j.spark;

import static java.util.Objects.requireNonNull;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.distributed.IndexedRowMatrix;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.wren4j.api.BlockMatrix;
import org.wren4j.spark.internal.MllibExport;
import org.wren4j.spark.internal.MllibImport;

/**
 * MLlib's distributed matrices ({@code org.apache.spark.mllib.linalg.distributed}) to wren4j
 * matrices and back, for what MLlib lacks (Cholesky, square QR, LU, solves, a GEMM without
 * MLlib's shuffle). The executors write and read the tiles in the store; the driver handles only
 * indices. Conversions to MLlib are lazy like any RDD: the tiles are read when Spark computes it.
 *
 * <p>Block sizes: an MLlib {@code BlockMatrix} with square blocks keeps them as tiles (block
 * {@code (i, j)} is tile {@code (i, j)}); a wren4j matrix becomes an MLlib {@code BlockMatrix} with
 * {@code rowsPerBlock = colsPerBlock = blockSize()}.
 */
public final class MllibMatrices {
    private MllibMatrices() {
    }

    /**
     * An MLlib {@code BlockMatrix} as a wren4j matrix; square blocks become tiles as they are, blocks
     * MLlib leaves out (zero) become zero tiles; other block shapes go through its rows with tiles of
     * {@code rowsPerBlock}.
     *
     * @throws IllegalArgumentException if a block's shape does not fit the matrix's grid
     * @throws org.wren4j.api.WrenException if a Spark job fails
     */
    public static BlockMatrix fromMllib(WrenSpark ws, org.apache.spark.mllib.linalg.distributed.BlockMatrix m) {
        requireNonNull(ws, "ws is null");
        requireNonNull(m, "m is null");
        if (m.rowsPerBlock() != m.colsPerBlock()) {
            return fromMllib(ws, m.toIndexedRowMatrix(), m.rowsPerBlock());
        }
        return MllibImport.fromBlocks(jsc(ws), ws.wren(), ws.store(), m);
    }

    /**
     * An MLlib {@code RowMatrix} as a wren4j matrix with tiles of {@code blockSize}: its rows in
     * partition order, then in order within each partition, as a DataFrame's
     * ({@link WrenSpark#load}): no row leaves its partition.
     */
    public static BlockMatrix fromMllib(WrenSpark ws, RowMatrix m, int blockSize) {
        requireNonNull(ws, "ws is null");
        requireNonNull(m, "m is null");
        return MllibImport.fromRows(jsc(ws), ws.wren(), ws.store(), m, blockSize);
    }

    /**
     * An MLlib {@code IndexedRowMatrix} as a wren4j matrix with tiles of {@code blockSize}: row
     * {@code index} of MLlib is row {@code index}; rows it leaves out are zeros. The rows are
     * grouped by tile row (one shuffle: indices need not follow partitions).
     */
    public static BlockMatrix fromMllib(WrenSpark ws, IndexedRowMatrix m, int blockSize) {
        requireNonNull(ws, "ws is null");
        requireNonNull(m, "m is null");
        return MllibImport.fromIndexedRows(jsc(ws), ws.wren(), ws.store(), m, blockSize);
    }

    /** The matrix (computed first if needed) as an MLlib {@code BlockMatrix} whose blocks are its tiles. */
    public static org.apache.spark.mllib.linalg.distributed.BlockMatrix toBlockMatrix(WrenSpark ws, BlockMatrix m) {
        requireNonNull(ws, "ws is null");
        requireNonNull(m, "m is null");
        return MllibExport.toBlocks(jsc(ws), ws.wren(), ws.store(), m);
    }

    /** The matrix (computed first if needed) as an MLlib {@code IndexedRowMatrix}. */
    public static IndexedRowMatrix toIndexedRowMatrix(WrenSpark ws, BlockMatrix m) {
        requireNonNull(ws, "ws is null");
        requireNonNull(m, "m is null");
        return MllibExport.toIndexedRows(jsc(ws), ws.wren(), ws.store(), m);
    }

    /** The matrix (computed first if needed) as an MLlib {@code RowMatrix}, rows in order. */
    public static RowMatrix toRowMatrix(WrenSpark ws, BlockMatrix m) {
        requireNonNull(ws, "ws is null");
        requireNonNull(m, "m is null");
        return MllibExport.toRows(jsc(ws), ws.wren(), ws.store(), m);
    }

    private static JavaSparkContext jsc(WrenSpark ws) {
        return JavaSparkContext.fromSparkContext(ws.spark().sparkContext());
    }
}
