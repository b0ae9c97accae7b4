package org.wren4j.api;

/** {@code lstsq}: the corrected semi-normal equations on the R of a QR, built as one lazy expression. */
final class LeastSquares {
    private LeastSquares() {
    }

    static BlockMatrix solve(BlockMatrix a, BlockMatrix b) {
        BlockMatrix r = a.qr();
        BlockMatrix x0 = semiNormalSolve(r, a.T().matmul(b));
        BlockMatrix residual = b.minus(a.matmul(x0));
        return x0.plus(semiNormalSolve(r, a.T().matmul(residual)));
    }

    /** {@code (R^T R)^-1 y} for upper triangular R. */
    private static BlockMatrix semiNormalSolve(BlockMatrix r, BlockMatrix y) {
        return r.triangularSolve(r.triangularSolve(y, false, true), false, false);
    }
}
