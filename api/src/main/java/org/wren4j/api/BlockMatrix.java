package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import java.util.function.Supplier;
import org.wren4j.planner.expr.Cholesky;
import org.wren4j.planner.expr.Diagonal;
import org.wren4j.planner.expr.Elementwise;
import org.wren4j.planner.expr.EwOp;
import org.wren4j.planner.expr.EwProgram;
import org.wren4j.planner.expr.Gram;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatMul;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.expr.Reduction;
import org.wren4j.planner.expr.Retile;
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.ShapeMismatchException;
import org.wren4j.planner.expr.Solve;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.expr.Transpose;
import org.wren4j.planner.expr.TriSolve;
import org.wren4j.planner.library.ReduceOp;

/**
 * An immutable, lazy handle on a matrix stored as square tiles. Operations build an expression
 * and return at once (shapes and block sizes are checked right there, and a mismatch throws
 * {@link ShapeException} naming both shapes); {@link #compute()},
 * {@link #toArray()} and friends plan the whole expression (rewrites such as {@code X.T @ X ->
 * gram}, element-wise fusion, SPD solves by Cholesky) and run it as ONE fused job.
 */
public final class BlockMatrix {
    private final Wren wren;
    private final MatrixExpr expr;
    private final AtomicReference<Leaf> computed = new AtomicReference<>();
    /** The job this handle is computed in with others (the parts of an LU), or null for its own. */
    private final ComputedTogether together;

    BlockMatrix(Wren wren, MatrixExpr expr) {
        this(wren, expr, null);
    }

    BlockMatrix(Wren wren, MatrixExpr expr, ComputedTogether together) {
        this.wren = requireNonNull(wren, "wren is null");
        this.expr = requireNonNull(expr, "expr is null");
        this.together = together;
        if (expr instanceof Leaf l) {
            computed.set(l);
        }
    }

    /** A new lazy matrix of the expression {@code make} builds; a shape that does not fit is the user's {@link ShapeException}. */
    BlockMatrix derive(Supplier<MatrixExpr> make) {
        try {
            return new BlockMatrix(wren, make.get());
        } catch (ShapeMismatchException e) {
            throw new ShapeException(e.getMessage(), e);
        }
    }

    /** {@link #derive(Supplier)} for an element-wise verb: a shape error names {@code op}, the user's verb. */
    BlockMatrix derive(String op, Supplier<MatrixExpr> make) {
        try {
            return new BlockMatrix(wren, make.get());
        } catch (ShapeMismatchException e) {
            String message = e.getMessage();
            throw new ShapeException(message.startsWith(ELEMENTWISE) ? op + message.substring(ELEMENTWISE.length()) : message, e);
        }
    }

    /** How the planner's element-wise node begins its shape errors. */
    private static final String ELEMENTWISE = "element-wise op";

    /** Number of rows. */
    public long rows() {
        return expr.shape().rows();
    }

    /** Number of columns. */
    public long cols() {
        return expr.shape().cols();
    }

    Shape shape() {
        return expr.shape();
    }

    /** The tile edge: tiles are {@code blockSize x blockSize}, those on the last row and column smaller. */
    public int blockSize() {
        return expr.blockSize();
    }

    /**
     * {@code this @ other}.
     *
     * @throws ShapeException if the shapes or block sizes do not fit
     */
    public BlockMatrix matmul(BlockMatrix other) {
        requireNonNull(other, "other is null");
        sameSession(other, "matmul");
        return derive(() -> new MatMul(expr, other.expr));
    }

    /**
     * The lower factor L of {@code this = L L^T}; entries above the diagonal are zero. Computing it
     * fails with a {@link WrenException} naming the tile if a pivot is not positive (the matrix
     * is not positive definite, e.g. the Gram matrix of equal columns); a nearly semidefinite
     * matrix factors without an error, with a tiny diagonal that solves then divide by.
     */
    public BlockMatrix cholesky() {
        return derive(() -> new Cholesky(expr));
    }

    /**
     * Rows {@code rowFrom .. rowTo - 1} and columns {@code colFrom .. colTo - 1} (numpy's
     * {@code a[rowFrom:rowTo, colFrom:colTo]}), with this matrix's block size. When both starts
     * are on tile boundaries the whole tiles are copied; otherwise each result tile is
     * assembled from the (up to four) tiles it overlaps. The result is a new matrix: a view
     * without a copy would need tile offsets in the runtime's bindings.
     *
     * @throws ShapeException if a range is empty or leaves the matrix
     */
    public BlockMatrix slice(long rowFrom, long rowTo, long colFrom, long colTo) {
        return derive(() -> new Retile(expr, rowFrom, rowTo, colFrom, colTo, blockSize()));
    }

    /**
     * The same matrix as tiles of {@code blockSize} (e.g. larger tiles for fewer, bigger tasks),
     * assembled like an unaligned {@link #slice}; this matrix itself when the size is its own.
     *
     * @throws IllegalArgumentException if blockSize is not positive
     */
    public BlockMatrix retile(int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("retile: blockSize must be positive, got " + blockSize);
        }
        if (blockSize == blockSize()) {
            return this;
        }
        return derive(() -> new Retile(expr, 0, shape().rows(), 0, shape().cols(), blockSize));
    }

    /**
     * The former name of {@link #retile(int)}.
     *
     * @deprecated use {@link #retile(int)}, the name the issue tracker and numpy-minded users know
     */
    @Deprecated
    public BlockMatrix rebalance(int blockSize) {
        return retile(blockSize);
    }

    /** The transpose, without a copy where the consumer can read it transposed (products, solves). */
    public BlockMatrix T() {
        return derive(() -> new Transpose(expr));
    }

    /** {@code this^T this}: symmetric positive semi-definite, computed on the lower tiles only (half the flops). */
    public BlockMatrix gram() {
        return derive(() -> new Gram(expr));
    }

    public BlockMatrix plus(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.ADD, "plus");
    }

    public BlockMatrix minus(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.SUB, "minus");
    }

    /** Element-wise product (broadcasting a row or column vector). */
    public BlockMatrix times(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.MUL, "times");
    }

    public BlockMatrix divide(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.DIV, "divide");
    }

    /** Element-wise minimum with another matrix (broadcasting). */
    public BlockMatrix minimum(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.MIN, "minimum");
    }

    /** Element-wise maximum with another matrix (broadcasting). */
    public BlockMatrix maximum(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.MAX, "maximum");
    }

    public BlockMatrix plus(double c) {
        return scalar(EwOp.BinaryFn.ADD, c);
    }

    public BlockMatrix minus(double c) {
        return scalar(EwOp.BinaryFn.SUB, c);
    }

    public BlockMatrix times(double c) {
        return scalar(EwOp.BinaryFn.MUL, c);
    }

    public BlockMatrix divide(double c) {
        return scalar(EwOp.BinaryFn.DIV, c);
    }

    public BlockMatrix negate() {
        return map(EwOp.UnaryFn.NEG);
    }

    /** {@code fn} applied to every element. */
    public BlockMatrix map(Fn fn) {
        return map(requireNonNull(fn, "fn is null").op);
    }

    private BlockMatrix map(EwOp.UnaryFn fn) {
        return derive(() -> new Elementwise(List.of(expr), EwProgram.input().then(fn)));
    }

    private BlockMatrix scalar(EwOp.BinaryFn fn, double c) {
        return derive(() -> new Elementwise(List.of(expr), EwProgram.input().then(fn, c)));
    }

    private BlockMatrix zip(BlockMatrix other, EwOp.BinaryFn fn, String op) {
        requireNonNull(other, "other is null");
        sameSession(other, op);
        return derive(op, () -> new Elementwise(List.of(expr, other.expr), EwProgram.of(new EwOp.Load(0), new EwOp.Load(1), new EwOp.Binary(fn))));
    }

    /** Element-wise {@code this == other} as 1 (true) or 0 (broadcasting); NaN equals nothing. */
    public BlockMatrix eq(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.EQ, "eq");
    }

    /** Element-wise {@code this != other} as 1 or 0 (broadcasting); NaN differs from everything. */
    public BlockMatrix ne(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.NE, "ne");
    }

    /** Element-wise {@code this < other} as 1 or 0 (broadcasting). */
    public BlockMatrix lt(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.LT, "lt");
    }

    /** Element-wise {@code this <= other} as 1 or 0 (broadcasting). */
    public BlockMatrix le(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.LE, "le");
    }

    /** Element-wise {@code this > other} as 1 or 0 (broadcasting). */
    public BlockMatrix gt(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.GT, "gt");
    }

    /** Element-wise {@code this >= other} as 1 or 0 (broadcasting). */
    public BlockMatrix ge(BlockMatrix other) {
        return zip(other, EwOp.BinaryFn.GE, "ge");
    }

    /** Element-wise {@code this == c} as 1 or 0. */
    public BlockMatrix eq(double c) {
        return scalar(EwOp.BinaryFn.EQ, c);
    }

    /** Element-wise {@code this != c} as 1 or 0. */
    public BlockMatrix ne(double c) {
        return scalar(EwOp.BinaryFn.NE, c);
    }

    /** Element-wise {@code this < c} as 1 or 0. */
    public BlockMatrix lt(double c) {
        return scalar(EwOp.BinaryFn.LT, c);
    }

    /** Element-wise {@code this <= c} as 1 or 0. */
    public BlockMatrix le(double c) {
        return scalar(EwOp.BinaryFn.LE, c);
    }

    /** Element-wise {@code this > c} as 1 or 0. */
    public BlockMatrix gt(double c) {
        return scalar(EwOp.BinaryFn.GT, c);
    }

    /** Element-wise {@code this >= c} as 1 or 0. */
    public BlockMatrix ge(double c) {
        return scalar(EwOp.BinaryFn.GE, c);
    }

    /**
     * numpy's {@code where(cond, a, b)}: a's element where cond's is nonzero (NaN counts as
     * nonzero), b's elsewhere, with the broadcasting of {@link #plus(BlockMatrix)} over all
     * three; exact (an infinity or NaN in the branch not taken does not leak), except that a
     * chosen -0.0 becomes 0.0.
     *
     * @throws ShapeException if the shapes do not broadcast or the block sizes differ
     */
    public static BlockMatrix where(BlockMatrix cond, BlockMatrix a, BlockMatrix b) {
        return MatrixVerbs.where(cond, a, b);
    }

    /** {@link #where(BlockMatrix, BlockMatrix, BlockMatrix)} with the constant {@code b} where cond is zero, e.g. {@code where(x.gt(0), x, 0)}. */
    public static BlockMatrix where(BlockMatrix cond, BlockMatrix a, double b) {
        return MatrixVerbs.where(cond, requireNonNull(a, "a is null"), 0, null, b);
    }

    /** {@link #where(BlockMatrix, BlockMatrix, BlockMatrix)} with the constant {@code a} where cond is nonzero. */
    public static BlockMatrix where(BlockMatrix cond, double a, BlockMatrix b) {
        return MatrixVerbs.where(cond, null, a, requireNonNull(b, "b is null"), 0);
    }

    /** {@code a} where cond is nonzero, {@code b} elsewhere, with cond's shape. */
    public static BlockMatrix where(BlockMatrix cond, double a, double b) {
        return MatrixVerbs.where(cond, null, a, null, b);
    }

    /**
     * numpy's {@code outer(u, v)}: the {@code m x n} matrix {@code u_i v_j} of two vectors (each
     * a column or a row, of the same block size), element-wise products without a GEMM.
     *
     * @throws ShapeException if u or v is not a vector, or the block sizes differ
     */
    public static BlockMatrix outer(BlockMatrix u, BlockMatrix v) {
        return MatrixVerbs.outer(u, v);
    }

    /**
     * The parts one above the other (numpy's {@code vstack}, {@code concatenate(axis=0)}), in
     * one job: every output tile is assembled from at most two tiles of a part, so parts of any
     * length join, ragged or not.
     *
     * @throws ShapeException if the parts' column counts or block sizes differ (naming both shapes)
     * @throws IllegalArgumentException if no part is given
     */
    public static BlockMatrix vstack(BlockMatrix... parts) {
        return MatrixVerbs.concat("vstack", false, parts);
    }

    /**
     * The parts side by side (numpy's {@code hstack}, {@code concatenate(axis=1)}); see {@link #vstack}.
     *
     * @throws ShapeException if the parts' row counts or block sizes differ (naming both shapes)
     */
    public static BlockMatrix hstack(BlockMatrix... parts) {
        return MatrixVerbs.concat("hstack", true, parts);
    }

    /**
     * numpy's {@code concatenate(parts, axis)} with {@link Axis}'s meaning of numpy's axes:
     * {@link Axis#COLUMNS} (numpy's {@code axis=0}) continues the columns down, as
     * {@link #vstack}; {@link Axis#ROWS} ({@code axis=1}) continues the rows, as {@link #hstack}.
     */
    public static BlockMatrix concat(Axis axis, BlockMatrix... parts) {
        requireNonNull(axis, "axis is null");
        return axis == Axis.COLUMNS ? vstack(parts) : hstack(parts);
    }

    /**
     * The main diagonal ({@code min(rows, cols)} long) as a column, numpy's {@code diag(a)} for a
     * 2-D a; for a non-square matrix its leading square part is copied first.
     */
    public BlockMatrix diag() {
        return MatrixVerbs.diagonal(this);
    }

    /**
     * numpy's {@code diag(v)} for a vector v (a column or a row of n values): the {@code n x n}
     * matrix with v on the diagonal and exact zeros elsewhere. Lazy; only 2n index values are
     * stored beside v.
     *
     * @throws ShapeException if v is not a vector
     */
    public static BlockMatrix diag(BlockMatrix v) {
        return MatrixVerbs.diagonalMatrix(requireNonNull(v, "v is null"));
    }

    /**
     * {@code this} to the power k by repeated squaring, as ONE lazy expression of about
     * {@code 2 log2 k} products; k = 0 gives the identity, a negative k the power of {@link #inv()}.
     *
     * @throws ShapeException if this matrix is not square
     */
    public BlockMatrix matrixPower(int k) {
        return MatrixVerbs.power(this, k);
    }

    /** The mean of each row ({@link Axis#ROWS}: an {@code m x 1} column) or column ({@code 1 x n}). */
    public BlockMatrix mean(Axis axis) {
        return MatrixVerbs.mean(this, axis);
    }

    /** The mean of all elements, as a 1 x 1 matrix ({@link #item()} reads it). */
    public BlockMatrix mean() {
        return MatrixVerbs.mean(this);
    }

    /** numpy's {@code var(a, axis)} with {@code ddof = 0}; see {@link #var(Axis, int)}. */
    public BlockMatrix var(Axis axis) {
        return var(axis, 0);
    }

    /**
     * numpy's {@code var(a, axis, ddof)}: the mean squared deviation from each row's (column's)
     * mean, the sum divided by {@code count - ddof} (ddof = 1 for the unbiased sample variance),
     * computed in two passes (about the mean, not as {@code E[x^2] - E[x]^2}).
     *
     * @throws IllegalArgumentException if ddof is negative or not below the count
     */
    public BlockMatrix var(Axis axis, int ddof) {
        return MatrixVerbs.var(this, axis, ddof);
    }

    /** numpy's {@code var(a)} over all elements with {@code ddof = 0}, as a 1 x 1 matrix. */
    public BlockMatrix var() {
        return var(0);
    }

    /**
     * numpy's {@code var(a, ddof=ddof)} over all elements, as a 1 x 1 matrix.
     *
     * @throws IllegalArgumentException if ddof is negative or not below the number of elements
     */
    public BlockMatrix var(int ddof) {
        return MatrixVerbs.var(this, ddof);
    }

    /** numpy's {@code std(a, axis)}: the square root of {@link #var(Axis)}. */
    public BlockMatrix std(Axis axis) {
        return var(axis).map(Fn.SQRT);
    }

    /** numpy's {@code std(a, axis, ddof)}: the square root of {@link #var(Axis, int)}. */
    public BlockMatrix std(Axis axis, int ddof) {
        return var(axis, ddof).map(Fn.SQRT);
    }

    /** numpy's {@code std(a)} over all elements, as a 1 x 1 matrix. */
    public BlockMatrix std() {
        return var().map(Fn.SQRT);
    }

    /** numpy's {@code std(a, ddof=ddof)} over all elements, as a 1 x 1 matrix. */
    public BlockMatrix std(int ddof) {
        return var(ddof).map(Fn.SQRT);
    }

    /** Sum of each row ({@link Axis#ROWS}) or column. */
    public BlockMatrix sum(Axis axis) {
        return reduce(ReduceOp.SUM, axis);
    }

    /** 2-norm of each row or column. */
    public BlockMatrix norm(Axis axis) {
        return reduce(ReduceOp.NORM2, axis);
    }

    public BlockMatrix min(Axis axis) {
        return reduce(ReduceOp.MIN, axis);
    }

    public BlockMatrix max(Axis axis) {
        return reduce(ReduceOp.MAX, axis);
    }

    /** Index of the minimum of each row (a column index) or column (a row index), ties to the smaller index. */
    public BlockMatrix argmin(Axis axis) {
        return reduce(ReduceOp.ARGMIN, axis);
    }

    public BlockMatrix argmax(Axis axis) {
        return reduce(ReduceOp.ARGMAX, axis);
    }

    private BlockMatrix reduce(ReduceOp op, Axis axis) {
        return derive(() -> new Reduction(expr, op, requireNonNull(axis, "axis is null").toPlanner()));
    }

    /** Sum of all elements, as a 1 x 1 matrix ({@link #scalar()} reads it). */
    public BlockMatrix sum() {
        return sum(Axis.ROWS).sum(Axis.COLUMNS);
    }

    /** Frobenius norm, as a 1 x 1 matrix. */
    public BlockMatrix norm() {
        return norm(Axis.ROWS).norm(Axis.COLUMNS);
    }

    /** Sum of the diagonal of a square matrix, as a 1 x 1 matrix. */
    public BlockMatrix trace() {
        return derive(() -> new Reduction(new Diagonal(expr), ReduceOp.SUM, org.wren4j.planner.expr.Axis.COLUMNS));
    }

    /**
     * {@code X} with {@code this X = b}: by Cholesky and two triangular solves when this matrix is
     * symmetric positive (semi)definite by construction (a Gram matrix plus a positive shift,
     * {@link Wren#randomSpd}, {@link #asSpd()}), by one triangular solve when it is triangular,
     * and otherwise by LU with tournament pivoting (the interchanges applied to b on the way,
     * then a unit lower and an upper triangular solve), all in one job. Computing it fails with a
     * {@link WrenException} saying "singular" when a pivot is exactly zero; a nearly singular
     * matrix gives an inaccurate result without an error.
     *
     * @throws ShapeException if this matrix is not square or b has another number of rows
     */
    public BlockMatrix solve(BlockMatrix b) {
        requireNonNull(b, "b is null");
        sameSession(b, "solve");
        return derive(() -> new Solve(expr, b.expr));
    }

    /**
     * {@code X} with {@code op(this) X = b}: this matrix's {@code lower} (or upper) triangle is
     * read, op is the transpose when {@code transpose}. Computing it fails with a
     * {@link WrenException} naming the row if the diagonal holds an exact zero; a tiny diagonal
     * entry is divided by without an error.
     */
    public BlockMatrix triangularSolve(BlockMatrix b, boolean lower, boolean transpose) {
        requireNonNull(b, "b is null");
        sameSession(b, "triangularSolve");
        return derive(() -> new TriSolve(expr, b.expr, lower, transpose));
    }

    /**
     * This matrix, declared symmetric positive definite (computed first if needed) so that
     * {@link #solve} uses Cholesky; only its lower tiles are read from then on.
     */
    public BlockMatrix asSpd() {
        Leaf l = leaf();
        if (!l.shape().isSquare()) {
            throw new ShapeException("asSpd: needs a square matrix, got " + l.shape());
        }
        return new BlockMatrix(wren, new Leaf(l.name(), l.shape(), l.blockSize(), Structure.SPD));
    }

    /**
     * {@code P A = L U} for this square matrix by LU with tournament pivoting; see
     * {@link LuFactors} for the form of each part. Lazy: nothing runs until a part is computed,
     * and then ONE job factors the matrix and stores all three parts. An exactly zero pivot
     * fails the job ("singular"); a tiny nonzero one (a nearly singular matrix) does not.
     *
     * @throws ShapeException if this matrix is not square
     */
    public LuFactors lu() {
        return LuFactors.of(wren, current());
    }

    /**
     * The inverse of this square matrix; ask for it only when the inverse itself is wanted ({@link
     * #solve} is cheaper and more accurate for {@code inv(A) @ B}). It is {@code solve(I)}, so it
     * takes the same route: Cholesky and two triangular solves when this matrix is symmetric
     * positive definite by construction, one triangular solve when it is triangular, LU with
     * tournament pivoting otherwise, in one job.
     *
     * @throws ShapeException if this matrix is not square
     * @throws WrenException when computed, naming {@code inv}, if the matrix is exactly singular
     *     (or, by the Cholesky route, not positive definite)
     */
    public BlockMatrix inv() {
        return Inverse.of(this);
    }

    /**
     * All singular values, descending (computing first): the band reduction of the SVD (after a
     * QR for a tall matrix, of the transpose for a wide one) runs as a job, then the client reads
     * the band (2N tiles), reduces it to bidiagonal form and finds the values by bisection; the
     * client holds the band as a dense array, so the smaller dimension may be up to 8192 (about
     * 100 s of client time at 4000 with blocks of 512).
     *
     * @throws WrenException if a job fails, or the smaller dimension is above 8192
     */
    public double[] singularValues() {
        return BandSvd.singularValues(wren, current(), (int) Math.min(shape().rows(), shape().cols()));
    }

    /**
     * The {@code k} largest singular values, descending; see {@link #singularValues()} (the
     * client step finds only these k).
     *
     * @throws IllegalArgumentException if k is not between 1 and the smaller dimension
     */
    public double[] singularValues(int k) {
        return BandSvd.singularValues(wren, current(), BandSvd.checkK(k, shape()));
    }

    /**
     * numpy's {@code svd(a, full_matrices=False)} cut to the {@code k} largest singular
     * triplets; see {@link SvdFactors} for the factors and their signs. Exact: a QR job runs now
     * (of the transpose for a wide matrix) forming the thin Q and R, the client takes the SVD
     * of the {@code n x n} R (n the smaller dimension, up to {@value BandSvd#MAX_N}), and the
     * factor along the larger dimension is the lazy {@code Q U_R}. For the leading triplets of a
     * matrix too large for that, see {@link #svdRandomized}.
     *
     * @throws IllegalArgumentException if k is not between 1 and the smaller dimension
     * @throws WrenException if a job fails, or the smaller dimension is above {@value BandSvd#MAX_N}
     */
    public SvdFactors svd(int k) {
        return SvdSolver.exact(this, k);
    }

    /** numpy's {@code svd(a, full_matrices=False)}: all {@code min(m, n)} triplets; see {@link #svd(int)}. */
    public SvdFactors svd() {
        return SvdSolver.exact(this, (int) Math.min(shape().rows(), shape().cols()));
    }

    /**
     * The {@code k} leading singular triplets by the randomized SVD of Halko, Martinsson and
     * Tropp (scikit-learn's {@code randomized_svd}, Dask's {@code svd_compressed}): a seeded
     * zero-mean uniform test matrix of {@code l = k + oversample} columns, {@code Y = A Omega},
     * {@code powerIterations} rounds of {@code Y = A (A^T Q)} with a TSQR/CAQR between
     * products, then the client takes the SVD of the {@code l x n} {@code Q^T A}. All the
     * products and QRs, Q and {@code Q^T A} run as ONE job (U = Q U_B is a lazy product after
     * it); workers see tiles only, and the client holds {@code l x min(m, n)} values. The error of the
     * rank-k result is close to the best rank-k error when the spectrum decays past k; more
     * power iterations help when it decays slowly. The same seed gives the same factors.
     *
     * @param oversample extra columns of the test matrix, {@code >= 0} (10 is usual)
     * @param powerIterations rounds of power iteration, {@code >= 0} (2 to 4 usual)
     * @throws IllegalArgumentException if k is not between 1 and the smaller dimension, or an argument is negative
     * @throws WrenException if a job fails, or {@code l x min(m, n)} is above 2^27 values
     */
    public SvdFactors svdRandomized(int k, int oversample, int powerIterations, long seed) {
        return SvdSolver.randomized(this, k, oversample, powerIterations, seed);
    }

    /**
     * numpy's {@code eigh(a)} for this symmetric matrix: eigenvalues ascending and orthonormal
     * eigenvectors (see {@link EighResult}), computed now. The matrix (computed first if it is
     * an expression) is read by the client, checked to be symmetric to within
     * {@code 1e-10 * max|a_ij|} (the roundings of e.g. {@code X^T X}; its lower triangle is
     * used), and decomposed by LAPACK {@code dsyevd}; the client holds {@code n x n} values, so n
     * may be up to {@value BandSvd#MAX_N}. Eigenvalues keep their signs: an indefinite matrix
     * gets negative ones (its singular values would be their magnitudes).
     *
     * @throws ShapeException if this matrix is not square
     * @throws WrenException if it is not symmetric (naming an element pair), or n is above {@value BandSvd#MAX_N}
     * @throws NonFiniteException if it holds a NaN or an infinity
     */
    public EighResult eigh() {
        return SymmetricEigen.eigh(this);
    }

    /** numpy's {@code eigvalsh(a)}: the eigenvalues of this symmetric matrix, ascending, without vectors; see {@link #eigh()}. */
    public double[] eigvalsh() {
        return SymmetricEigen.values(this);
    }

    /**
     * The determinant of this square matrix (numpy's {@code det}), computed now: one LU job with
     * tournament pivoting, of which the client reads only U's diagonal and the row permutation.
     * It is the product of the pivots, so it overflows to an infinity or underflows to 0 where
     * that product does ({@link #slogdet()} does not). An exactly singular matrix (a zero pivot)
     * gives 0; a nearly singular one a tiny value. An unstored expression is computed first.
     *
     * @throws ShapeException if this matrix is not square
     * @throws NonFiniteException if a pivot is a NaN or an infinity (the matrix holds one)
     */
    public double det() {
        return MatrixFunctions.det(this);
    }

    /**
     * numpy's {@code slogdet}: the sign and the natural log of the absolute value of the
     * determinant, from the same LU job as {@link #det()}; a singular matrix gives sign 0 and
     * {@code -Infinity}.
     *
     * @throws ShapeException if this matrix is not square
     * @throws NonFiniteException if a pivot is a NaN or an infinity (the matrix holds one)
     */
    public SlogDet slogdet() {
        return MatrixFunctions.slogdet(this);
    }

    /**
     * numpy's {@code norm(a, ord)} for a matrix, computed now: {@link Ord#ONE} and
     * {@link Ord#INF} (and their negatives) by one reduction job, {@link Ord#FRO} as
     * {@link #norm()}, {@link Ord#TWO}, {@link Ord#NEG_TWO} and {@link Ord#NUC} from the
     * singular values (see {@link #singularValues()}, whose size limit applies).
     */
    public double norm(Ord ord) {
        return MatrixFunctions.norm(this, requireNonNull(ord, "ord is null"));
    }

    /**
     * numpy's {@code cond(a)}: the 2-norm condition number {@code s_max / s_min} from the
     * singular values (any shape), {@code Infinity} for a singular matrix.
     */
    public double cond() {
        return MatrixFunctions.cond(this);
    }

    /**
     * numpy's {@code matrix_rank(a)}: the number of singular values above
     * {@code s_max * max(m, n) * eps}, numpy's default tolerance.
     */
    public int matrixRank() {
        return MatrixFunctions.matrixRank(this);
    }

    /**
     * numpy's {@code matrix_rank(a, tol)}: the number of singular values above {@code tol}.
     *
     * @throws IllegalArgumentException if tol is negative or not finite
     */
    public int matrixRank(double tol) {
        return MatrixFunctions.matrixRank(this, tol);
    }

    /** numpy's {@code pinv(a)} with its default {@code rcond = 1e-15}; see {@link #pinv(double)}. */
    public BlockMatrix pinv() {
        return pinv(MatrixFunctions.PINV_RCOND);
    }

    /**
     * numpy's {@code pinv(a, rcond)}: the {@code n x m} Moore-Penrose pseudo-inverse, with
     * singular values at or below {@code rcond * s_max} treated as zero (so a rank-deficient
     * matrix gives numpy's answer, never a division by a tiny singular value). A QR job runs now
     * (of the transpose for a wide matrix), forming the thin Q and R; the client takes the SVD of
     * the n x n R (n the smaller dimension); the returned matrix is the lazy {@code W Q^T} with
     * the n x n {@code W = V_r S_r^-1 U_r^T}: no normal equations, so the error grows with the
     * condition number of the kept values, not its square.
     *
     * @throws IllegalArgumentException if rcond is negative or not finite
     * @throws WrenException if the smaller dimension is above {@value BandSvd#MAX_N}
     */
    public BlockMatrix pinv(double rcond) {
        return MatrixFunctions.pinv(this, rcond);
    }

    /**
     * The {@code n x n} upper triangular R of {@code this = Q R} for a square or tall matrix: TSQR
     * (a reduction tree) for a single tile column, communication-avoiding QR otherwise.
     */
    public BlockMatrix qr() {
        return derive(() -> new org.wren4j.planner.expr.QrR(expr));
    }

    /**
     * numpy's reduced {@code qr}: {@link QrFactors} with the thin Q and R of {@code this = Q R},
     * from one factorization, for any shape (a wide matrix through its leading square block).
     * Lazy: nothing runs until Q or R is read. {@link #qr()} stays the cheaper way to R alone.
     */
    public QrFactors qrFactors() {
        return QrFactors.of(this);
    }

    /**
     * numpy's {@code lstsq(A, b)} for this {@code m x n} A of any shape: the minimum-norm x minimising
     * {@code ||A x - b||_2}, with singular values of A at or below {@code rcond * s_max} treated
     * as zero, numpy's default {@code rcond = eps * max(m, n)}; see
     * {@link #lstsq(BlockMatrix, double)}.
     *
     * @throws ShapeException if b has another number of rows or block size
     * @throws WrenException if {@code min(m, n)} is above {@value BandSvd#MAX_N}
     */
    public LeastSquares lstsq(BlockMatrix b) {
        return lstsq(b, LeastSquares.defaultRcond(shape().rows(), shape().cols()));
    }

    /**
     * numpy's {@code lstsq(A, b, rcond)} for this square or tall {@code m x n} A and an
     * {@code m x k} b. Lazy: the returned result runs when first read. One job computes the R
     * of A's QR (TSQR/CAQR) and {@code A^T b}; the client takes the SVD of the {@code n x n} R,
     * whose singular values are A's, counts those above {@code rcond * s_max} as the rank, and
     * solves with the pseudo-inverse truncated to them (never dividing by a tiny singular
     * value); then one job computes {@code A^T (b - A x)} and the client corrects x with it
     * (corrected semi-normal equations, QR accuracy when the kept singular values span a
     * moderate ratio). A rank-deficient A (e.g. two equal columns) gives numpy's minimum-norm
     * solution. When the kept values span more than about 1e7 a few more corrections run, and
     * if they stop shrinking the solve fails with a {@link WrenException} naming an rcond that
     * works, rather than return an inaccurate x.
     *
     * <p>A wide (underdetermined, m &lt; n) A gets numpy's minimum-norm solution too: one job
     * computes the thin Q and the {@code m x m} R of {@code A^T = Q R}, the client takes the SVD
     * of R and forms {@code W = U_r S_r^-1 V_r^T} over the kept values, and one job computes
     * {@code x = Q (W b)}, i.e. {@code pinv(A) b}; residuals are empty, as numpy's.
     *
     * @param rcond cut-off ratio, {@code >= 0}; 0 keeps every nonzero singular value
     * @throws IllegalArgumentException if rcond is negative or not finite
     * @throws ShapeException if b has another number of rows or block size
     * @throws WrenException if {@code min(m, n)} is above {@value BandSvd#MAX_N} (R is finished on the client)
     */
    public LeastSquares lstsq(BlockMatrix b, double rcond) {
        requireNonNull(b, "b is null");
        sameSession(b, "lstsq");
        return LeastSquares.of(this, b, rcond);
    }

    /**
     * The plan for people to read: the expression, its rewrite drawn as a tree, the rules applied,
     * the steps with their task counts, and the size of the ONE program they are fused into.
     */
    public String explain() {
        return explain(Detail.SUMMARY);
    }

    /** {@link #explain()} at the given detail: {@link Detail#PROGRAM} adds the LAmbdaPACK program's listing. */
    public String explain(Detail detail) {
        return wren.explain(detail, expr);
    }

    /**
     * An HTML card for notebooks: shape, tiles, kind, state (lazy, computed, stored or persisted) and store,
     * a small drawing of the tile grid and, once computed, the top-left corner of the values.
     * Never computes anything; reads at most one tile.
     */
    public String toHtml() {
        return wren.card(expr, current()).html();
    }

    /** A one-column matrix's values (computing first if needed). */
    public double[] toColumn() {
        if (shape().cols() != 1) {
            throw new IllegalStateException("toColumn: needs a single column, this matrix is " + shape() + "; use toArray()");
        }
        return toColumnMajor();
    }

    /** numpy's name for {@link #scalar()}: the value of a 1 x 1 matrix (computing first if needed). */
    public double item() {
        return scalar();
    }

    /** The value of a 1 x 1 matrix such as {@code sum()}, {@code norm()} or {@code trace()}. */
    public double scalar() {
        if (shape().rows() != 1 || shape().cols() != 1) {
            throw new IllegalStateException("scalar: needs a 1x1 matrix, this one is " + shape());
        }
        return toColumnMajor()[0];
    }

    /**
     * Runs the expression (if not yet run) and returns a handle on the stored result.
     *
     * @throws WrenException if a job fails
     */
    public BlockMatrix compute() {
        Leaf l = leaf();
        wren.handedOut(l);
        return new BlockMatrix(wren, l);
    }

    /**
     * Keeps this matrix once computed (Spark's and Dask's {@code persist}), so that actions on
     * expressions built from it read it instead of computing it again. Nothing runs now: the first
     * action ({@link #compute()}, {@link #toArray()}, {@link #scalar()}, a factorization...) whose
     * expression contains this matrix computes it as one more result of that same job and stores
     * its tiles under a name this session owns; later actions read those tiles. If that job fails
     * nothing is stored, and the next action tries again.
     *
     * <p>The mark is on the expression's value, in this session: another handle on an equal
     * expression (e.g. {@code x.T().matmul(x)} built twice) shares it. A matrix already stored (an
     * input, a saved or computed handle) is left as it is; one this handle has computed already is
     * kept from that result. {@link Wren#close()} deletes the tiles of every matrix still persisted.
     *
     * @return this handle (as Spark's {@code persist}), so it can be chained
     */
    public BlockMatrix persist() {
        wren.persist(expr, computed.get());
        return this;
    }

    /**
     * Drops what {@link #persist()} kept: the mark and the stored tiles, so later actions compute
     * this matrix again. A matrix that is not persisted is left as it is. Tiles the user holds a
     * handle on (one {@link #compute()} returned) are not deleted; they become the session's
     * ordinary scratch.
     *
     * @return this handle
     */
    public BlockMatrix unpersist() {
        wren.unpersist(expr);
        return this;
    }

    private Leaf leaf() {
        Leaf l = computed.get();
        if (l != null) {
            return l;
        }
        if (together != null) {
            together.compute();
            return computed.get();
        }
        return computedAs(wren.evaluate(expr));
    }

    /**
     * Records {@code l} as this handle's stored value unless one is already recorded; returns the
     * recorded one. A persisted matrix's tiles are not recorded: unpersist may delete them.
     */
    Leaf computedAs(Leaf l) {
        if (wren.keeps(l)) {
            return l;
        }
        return computed.compareAndSet(null, l) ? l : computed.get();
    }

    /** The stored value when computed, else the expression: what a further job should read. */
    MatrixExpr current() {
        Leaf l = computed.get();
        return l != null ? l : expr;
    }

    Wren session() {
        return wren;
    }

    /** The values as a row-major 2-D array (computing first if needed). */
    public double[][] toArray() {
        return TileIo.rowMajor(toColumnMajor(), (int) shape().rows(), (int) shape().cols());
    }

    /** The values in one column-major array: element (r, c) at {@code c * rows + r}. */
    public double[] toColumnMajor() {
        return wren.io().readColumnMajor(leaf());
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
        requireNonNull(consumer, "consumer is null");
        wren.io().forEachRowBlock(leaf(), (rows, first) -> consumer.accept(first, rows));
    }

    /**
     * Tile row {@code tileRow} (rows {@code tileRow * blockSize()} on, at most {@code blockSize()}
     * of them) as row-major rows, computing first if needed: lets many readers share out a matrix
     * by tile rows.
     *
     * @throws IllegalArgumentException if the tile row is outside the matrix
     */
    public double[][] tileRow(long tileRow) {
        if (tileRow < 0 || tileRow >= shape().tileRows(blockSize())) {
            throw new IllegalArgumentException("tile row " + tileRow + " is outside a " + shape() + " matrix in tiles of " + blockSize());
        }
        return wren.io().readTileRow(leaf(), tileRow);
    }

    /**
     * Tile {@code (i, j)} as row-major rows, computing first if needed.
     *
     * @throws IllegalArgumentException if the tile is outside the matrix
     */
    public double[][] tile(long i, long j) {
        if (i < 0 || j < 0 || i >= shape().tileRows(blockSize()) || j >= shape().tileCols(blockSize())) {
            throw new IllegalArgumentException("tile (" + i + ", " + j + ") is outside a " + shape() + " matrix in tiles of " + blockSize());
        }
        return wren.io().readTile(leaf(), i, j);
    }

    /**
     * Computes the matrix (if not yet done) and stores it under {@code name} with its manifest,
     * so this or another process on the same store can {@link Wren#open(String) open} it; see
     * {@link #save(String, SaveOptions)}.
     */
    public BlockMatrix save(String name) {
        return save(name, SaveOptions.defaults());
    }

    /**
     * Computes the matrix (if not yet done) and stores it under {@code name}: its tiles are copied
     * unless it is already stored under that name. Saving equal values again succeeds.
     *
     * @return a handle on the saved matrix
     * @throws WrenException if a different matrix is stored under {@code name} and
     *     {@link SaveOptions#replace()} is off, or if a job fails
     * @throws IllegalArgumentException if {@code name} cannot name a matrix, or the column names do not fit
     */
    public BlockMatrix save(String name, SaveOptions options) {
        requireNonNull(name, "name is null");
        requireNonNull(options, "options is null");
        return new BlockMatrix(wren, wren.save(leaf(), name, options));
    }

    /** The stored name of the computed matrix (computing first if needed). */
    public String name() {
        return leaf().name();
    }

    void sameSession(BlockMatrix other, String op) {
        if (other.wren != wren) {
            throw new IllegalArgumentException(op + ": operands belong to different Wren sessions");
        }
    }

    @Override
    public String toString() {
        String persisted = wren.persistence(expr).map(m -> m instanceof Persistence.Kept k ? ", persisted " + k.leaf().name() : ", persist pending")
                .orElse("");
        return "BlockMatrix[" + shape() + ", block " + blockSize() + ", " + (computed.get() != null ? computed.get().name() : expr) + persisted + "]";
    }
}
