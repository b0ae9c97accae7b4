package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.QrQ;
import org.wren4j.planner.expr.QrR;
import org.wren4j.planner.expr.Retile;
import org.wren4j.planner.expr.Transpose;

/**
 * numpy's reduced {@code qr(A) = (Q, R)} for an {@code m x n} A with {@code k = min(m, n)}:
 * {@code q} is {@code m x k} with orthonormal columns and {@code r} is {@code k x n} upper
 * triangular (trapezoidal for a wide A), with {@code A = Q R}; the signs of R's diagonal are
 * the factorization's own (possibly negative, as LAPACK's). Both are lazy handles computed
 * together: computing either runs ONE job that factors A once (TSQR for one tile column,
 * communication-avoiding QR otherwise, keeping the Householder reflectors) and forms the thin Q
 * from them. A wide A is factored through its leading {@code m x m} block: Q from that block,
 * {@code R = Q^T A} with the part below the diagonal set to exact zeros.
 */
public record QrFactors(BlockMatrix q, BlockMatrix r) {
    public QrFactors {
        requireNonNull(q, "q is null");
        requireNonNull(r, "r is null");
    }

    /**
     * The lazy factors of {@code a}: Q is formed by applying the reflectors to the first k
     * columns of the identity, computed in the same job from 2 stored index vectors.
     */
    static QrFactors of(BlockMatrix a) {
        Wren wren = a.session();
        long m = a.rows();
        long n = a.cols();
        int block = a.blockSize();
        MatrixExpr e = a.current();
        MatrixExpr square = m >= n ? e : new Retile(e, 0, m, 0, m, block);
        long k = Math.min(m, n);
        BlockMatrix[] index = indices(wren, m, n, block);
        MatrixExpr firstK = k == n ? index[1].current() : indices(wren, m, k, block)[1].current();
        MatrixExpr identity = new Elementwise(List.of(index[0].current(), firstK),
                EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Binary(EwOp.BinaryFn.EQ)));
        var job = new ComputedTogether(wren, "qr of a " + m + "x" + n + " matrix");
        QrQ qExpr = new QrQ(square, identity);
        MatrixExpr rExpr = m >= n ? new QrR(square, true)
                // R = Q^T A, exactly zero below the diagonal: MASK(x, row <= col)
                : new Elementwise(List.of(new MatMul(new Transpose(qExpr), e), index[0].current(), index[1].current()),
                        EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Load(2), new EwOp.Binary(EwOp.BinaryFn.LE),
                                new EwOp.Binary(EwOp.BinaryFn.MASK)));
        BlockMatrix q = new BlockMatrix(wren, qExpr, job);
        BlockMatrix r = new BlockMatrix(wren, rExpr, job);
        job.members(q, r);
        return new QrFactors(q, r);
    }

    /** The row indices 0..m-1 as a column and the column indices 0..n-1 as a row. */
    private static BlockMatrix[] indices(Wren wren, long m, long n, int block) {
        double[][] rows = new double[Math.toIntExact(m)][1];
        double[][] cols = new double[1][Math.toIntExact(n)];
        for (int i = 0; i < rows.length; i++) {
            rows[i][0] = i;
        }
        for (int j = 0; j < cols[0].length; j++) {
            cols[0][j] = j;
        }
        return new BlockMatrix[] {wren.fromArray(rows, block), wren.fromArray(cols, block)};
    }

    /**
     * Computes Q and R in one job (if not yet computed).
     *
     * @return these factors, now computed
     * @throws WrenException if the job fails
     */
    public QrFactors compute() {
        q.compute();
        return this;
    }
}
