package org.wren4j.api;

import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Solve;

/**
 * {@code inv(A)} as {@code solve(A, I)}: the planner picks Cholesky, a triangular solve or LU by
 * A's structure, as for any solve. The identity is stored when the inverse is asked for (n^2
 * values beside the n^3 work of the solve).
 */
final class Inverse {
    private Inverse() {
    }

    static BlockMatrix of(BlockMatrix a) {
        Shape shape = a.shape();
        if (!shape.isSquare()) {
            throw new ShapeException("inv: needs a square matrix, got " + shape + "; for a least-squares solution use lstsq");
        }
        Wren wren = a.session();
        BlockMatrix eye = wren.eye(shape.rows(), a.blockSize());
        var job = new ComputedTogether(wren, "inv of a " + shape + " matrix");
        BlockMatrix inverse = new BlockMatrix(wren, new Solve(a.current(), eye.current()), job);
        job.members(inverse);
        return inverse;
    }
}
