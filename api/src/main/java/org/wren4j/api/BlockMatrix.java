package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicReference;
import org.wren4j.planner.expr.Cholesky;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Shape;

/**
 * An immutable, lazy handle on a matrix stored as square tiles. Operations build an expression
 * and return at once (shapes are checked right there); {@link #compute()} or {@link #toArray()}
 * run it.
 */
public final class BlockMatrix {
    private final Wren wren;
    private final MatrixExpr expr;
    private final AtomicReference<Leaf> computed = new AtomicReference<>();

    BlockMatrix(Wren wren, MatrixExpr expr) {
        this.wren = requireNonNull(wren, "wren is null");
        this.expr = requireNonNull(expr, "expr is null");
        if (expr instanceof Leaf l) {
            computed.set(l);
        }
    }

    public Shape shape() {
        return expr.shape();
    }

    public int blockSize() {
        return expr.blockSize();
    }

    /**
     * {@code this @ other}.
     *
     * @throws org.wren4j.planner.expr.ShapeMismatchException if the shapes or block sizes do not fit
     */
    public BlockMatrix matmul(BlockMatrix other) {
        requireNonNull(other, "other is null");
        sameSession(other, "matmul");
        return new BlockMatrix(wren, new MatMul(expr, other.expr));
    }

    /**
     * The lower factor L of {@code this = L L^T}; entries above the diagonal are zero. Computing it
     * fails with a {@link WrenException} naming the tile if the matrix is not positive definite.
     */
    public BlockMatrix cholesky() {
        return new BlockMatrix(wren, new Cholesky(expr));
    }

    /**
     * Runs the expression (if not yet run) and returns a handle on the stored result.
     *
     * @throws WrenException if a job fails
     */
    public BlockMatrix compute() {
        return new BlockMatrix(wren, leaf());
    }

    private Leaf leaf() {
        Leaf l = computed.get();
        if (l == null) {
            l = wren.evaluate(expr);
            if (!computed.compareAndSet(null, l)) {
                l = computed.get();
            }
        }
        return l;
    }

    /** The values as a row-major 2-D array (computing first if needed). */
    public double[][] toArray() {
        double[] cm = toColumnMajor();
        int rows = (int) shape().rows();
        int cols = (int) shape().cols();
        double[][] out = new double[rows][cols];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                out[r][c] = cm[c * rows + r];
            }
        }
        return out;
    }

    /** The values in one column-major array: element (r, c) at {@code c * rows + r}. */
    public double[] toColumnMajor() {
        return wren.readColumnMajor(leaf());
    }

    /** Receives consecutive blocks of rows: {@code rows[r]} is row {@code firstRow + r}. */
    @FunctionalInterface
    public interface RowBlockConsumer {
        void accept(long firstRow, double[][] rows);
    }

    /**
     * Streams the matrix one tile row at a time, top to bottom (computing first if needed);
     * memory stays bounded by one tile row.
     */
    public void forEachRowBlock(RowBlockConsumer consumer) {
        Leaf l = leaf();
        long tileRows = l.shape().tileRows(l.blockSize());
        for (long i = 0; i < tileRows; i++) {
            consumer.accept(i * l.blockSize(), wren.readTileRow(l, i));
        }
    }

    /** The stored name of the computed matrix (computing first if needed). */
    public String name() {
        return leaf().name();
    }

    private void sameSession(BlockMatrix other, String op) {
        if (other.wren != wren) {
            throw new IllegalArgumentException(op + ": operands belong to different Wren sessions");
        }
    }

    @Override
    public String toString() {
        return "BlockMatrix[" + shape() + ", block " + blockSize() + ", " + (computed.get() != null ? computed.get().name() : expr) + "]";
    }
}
