package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.wren4j.planner.expr.Concat;
import org.wren4j.planner.expr.Diagonal;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Retile;

/** The everyday numpy verbs that build on the expression nodes: stacking, diagonals, statistics, where, outer, powers. */
final class MatrixVerbs {
    private MatrixVerbs() {
    }

    /** The parts joined pairwise as a balanced tree, so each element is copied about log2(parts) times, in one job. */
    static BlockMatrix concat(String op, boolean sideBySide, BlockMatrix[] parts) {
        requireNonNull(parts, "parts is null");
        if (parts.length == 0) {
            throw new IllegalArgumentException(op + ": needs at least one matrix");
        }
        for (int p = 0; p < parts.length; p++) {
            requireNonNull(parts[p], "part " + p + " is null");
            parts[0].sameSession(parts[p], op);
        }
        List<BlockMatrix> level = List.of(parts);
        while (level.size() > 1) {
            List<BlockMatrix> next = new ArrayList<>();
            for (int p = 0; p + 1 < level.size(); p += 2) {
                BlockMatrix a = level.get(p);
                BlockMatrix b = level.get(p + 1);
                next.add(a.derive(() -> new Concat(a.current(), b.current(), sideBySide)));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
        }
        return level.get(0);
    }

    /** The main diagonal, {@code min(m, n)} long, as a column; a non-square matrix through its leading square part. */
    static BlockMatrix diagonal(BlockMatrix a) {
        long p = Math.min(a.rows(), a.cols());
        return a.derive(() -> {
            MatrixExpr e = a.current();
            return new Diagonal(e.shape().isSquare() ? e : new Retile(e, 0, p, 0, p, e.blockSize()));
        });
    }

    /** The n x n matrix with {@code v} on the diagonal: {@code MASK(v_i, i == j)} over broadcast row and column indices, no n x n input. */
    static BlockMatrix diagonalMatrix(BlockMatrix v) {
        BlockMatrix col = vectorAsColumn(v, "diag");
        int n = Math.toIntExact(col.rows());
        BlockMatrix[] index = indices(col.session(), n, col.blockSize());
        return col.derive(() -> new Elementwise(List.of(col.current(), index[0].current(), index[1].current()),
                EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Load(2), new EwOp.Binary(EwOp.BinaryFn.EQ),
                        new EwOp.Binary(EwOp.BinaryFn.MASK))));
    }

    /** The n x n identity as {@code i == j} over broadcast indices: lazy, from 2n stored values. */
    static BlockMatrix identity(Wren wren, long n, int blockSize) {
        BlockMatrix[] index = indices(wren, Math.toIntExact(n), blockSize);
        return index[0].derive(() -> new Elementwise(List.of(index[0].current(), index[1].current()),
                EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Binary(EwOp.BinaryFn.EQ))));
    }

    /** The column 0..n-1 and the row 0..n-1. */
    private static BlockMatrix[] indices(Wren wren, int n, int blockSize) {
        double[][] column = new double[n][1];
        double[][] row = new double[1][n];
        for (int i = 0; i < n; i++) {
            column[i][0] = i;
            row[0][i] = i;
        }
        return new BlockMatrix[] {wren.fromArray(column, blockSize), wren.fromArray(row, blockSize)};
    }

    private static BlockMatrix vectorAsColumn(BlockMatrix v, String op) {
        if (v.cols() == 1) {
            return v;
        }
        if (v.rows() == 1) {
            return v.T();
        }
        throw new ShapeException(op + ": needs a vector (one row or one column), got a " + v.rows() + "x" + v.cols() + " matrix");
    }

    /** numpy's {@code outer(u, v)}: {@code u_i v_j} from u as a column and v as a row, broadcast; exact products, no GEMM. */
    static BlockMatrix outer(BlockMatrix u, BlockMatrix v) {
        requireNonNull(u, "u is null");
        requireNonNull(v, "v is null");
        u.sameSession(v, "outer");
        BlockMatrix col = vectorAsColumn(u, "outer (u)");
        BlockMatrix row = vectorAsColumn(v, "outer (v)").T();
        return col.derive(() -> new Elementwise(List.of(col.current(), row.current()),
                EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Binary(EwOp.BinaryFn.MUL))));
    }

    /** numpy's {@code where(cond, a, b)}: {@code MASK(a, cond) + MASK_NOT(b, cond)}, broadcasting like the arithmetic verbs. */
    static BlockMatrix where(BlockMatrix cond, BlockMatrix a, BlockMatrix b) {
        return where(cond, requireNonNull(a, "a is null"), 0, requireNonNull(b, "b is null"), 0);
    }

    /** {@code where(cond, a, b)} with the constant {@code aConst} (bConst) when a (b) is null: {@code MASK(a, c) + MASK_NOT(b, c)}. */
    static BlockMatrix where(BlockMatrix cond, BlockMatrix a, double aConst, BlockMatrix b, double bConst) {
        requireNonNull(cond, "cond is null");
        List<MatrixExpr> inputs = new ArrayList<>(List.of(cond.current()));
        List<EwOp> ops = new ArrayList<>();
        branch(cond, a, aConst, EwOp.BinaryFn.MASK, inputs, ops);
        branch(cond, b, bConst, EwOp.BinaryFn.MASK_NOT, inputs, ops);
        ops.add(new EwOp.Binary(EwOp.BinaryFn.ADD));
        return cond.derive("where", () -> new Elementwise(inputs, new EwProgram(ops)));
    }

    /** Pushes {@code mask(branch, cond)}, the branch a matrix (a new input) or else the constant. */
    private static void branch(BlockMatrix cond, BlockMatrix m, double constant, EwOp.BinaryFn mask, List<MatrixExpr> inputs, List<EwOp> ops) {
        if (m != null) {
            cond.sameSession(m, "where");
            ops.add(new EwOp.Load(inputs.size()));
            inputs.add(m.current());
        } else {
            ops.add(new EwOp.Const(constant));
        }
        ops.add(new EwOp.Load(0));
        ops.add(new EwOp.Binary(mask));
    }

    /** Elements per reduced row or column, less ddof: numpy's divisor, refused when it leaves nothing to divide by. */
    private static long divisor(String op, long count, int ddof) {
        if (ddof < 0) {
            throw new IllegalArgumentException(op + ": ddof must be >= 0, got " + ddof);
        }
        if (count - ddof <= 0) {
            throw new IllegalArgumentException(op + ": ddof = " + ddof + " leaves no degrees of freedom for " + count
                    + " values (numpy would return inf or nan); use a ddof below " + count);
        }
        return count - ddof;
    }

    private static long count(BlockMatrix a, Axis axis) {
        return axis == Axis.ROWS ? a.cols() : a.rows();
    }

    static BlockMatrix mean(BlockMatrix a, Axis axis) {
        return a.sum(requireNonNull(axis, "axis is null")).divide((double) count(a, axis));
    }

    static BlockMatrix mean(BlockMatrix a) {
        return a.sum().divide((double) a.rows() * a.cols());
    }

    /** Two passes: the squared deviations from the mean of each row (column), summed, over count - ddof. */
    static BlockMatrix var(BlockMatrix a, Axis axis, int ddof) {
        long d = divisor("var", count(a, requireNonNull(axis, "axis is null")), ddof);
        return a.minus(mean(a, axis)).map(Fn.SQUARE).sum(axis).divide((double) d);
    }

    /**
     * Two passes without broadcasting a 1 x 1 mean over the matrix: the squares about each
     * column's mean plus m times the squares of the column means about the overall mean.
     */
    static BlockMatrix var(BlockMatrix a, int ddof) {
        long d = divisor("var", a.rows() * a.cols(), ddof);
        BlockMatrix colMean = mean(a, Axis.COLUMNS);
        BlockMatrix within = a.minus(colMean).map(Fn.SQUARE).sum(Axis.COLUMNS);
        BlockMatrix between = colMean.minus(mean(colMean, Axis.ROWS)).map(Fn.SQUARE).times((double) a.rows());
        return within.plus(between).sum(Axis.ROWS).divide((double) d);
    }

    /** {@code a^k} by repeated squaring as one expression (shared squares are one computation); {@code a^0} the identity. */
    static BlockMatrix power(BlockMatrix a, int k) {
        if (a.rows() != a.cols()) {
            throw new ShapeException("matrixPower: needs a square matrix, this one is " + a.rows() + "x" + a.cols());
        }
        if (k == Integer.MIN_VALUE) {
            throw new IllegalArgumentException("matrixPower: k = " + k + " has no positive counterpart");
        }
        if (k < 0) {
            return power(a.inv(), -k);
        }
        if (k == 0) {
            return identity(a.session(), a.rows(), a.blockSize());
        }
        BlockMatrix result = null;
        BlockMatrix square = a;
        for (int e = k; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result = result == null ? square : result.matmul(square);
            }
            if (e > 1) {
                square = square.matmul(square);
            }
        }
        return result;
    }
}
