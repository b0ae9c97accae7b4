package org.wren4j.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.DenseReference;
import org.wren4j.api.JobReport;
import org.wren4j.api.LuFactors;
import org.wren4j.api.Wren;

/**
 * The solver ops of {@code wren4j run} on generated inputs, each checked by a normwise relative
 * backward error against dense BLAS: solve {@code ||A x - b|| / (||A|| ||x|| + ||b||)}, gram
 * {@code ||G - X^T X|| / ||X||^2}, qr and tsqr {@code ||R^T R - A^T A|| / ||A||^2}, lstsq the
 * normal-equations residual {@code ||A^T (A x - b)|| / (||A||^2 ||x|| + ||A|| ||b||)}, lu
 * {@code ||P A - L U|| / ||A||} (norms Frobenius), svd the largest relative error of the
 * singular values against one-sided Jacobi on the dense matrix, {@code max |s_i - t_i| / t_0}.
 */
final class LinalgWorkloads {
    static final String[] OPS = {"solve", "gram", "qr", "tsqr", "lstsq", "lu", "svd"};
    /** A solution of solve or lstsq with a --label right-hand side is printed when it has at most this many values. */
    static final int MAX_PRINTED_SOLUTION = 100;

    private LinalgWorkloads() {
    }

    /**
     * m: rows (gram, qr, tsqr, lstsq); n: columns, or the order of A for solve; k: right-hand sides
     * of solve. With {@code input} (of sizes m x n, or n x n for solve and lu), A is its matrix
     * and the right-hand side of solve and lstsq its {@code rhs} if given, else random.
     */
    static Workload.Outcome run(Wren wren, String op, Optional<Inputs.Operands> input, long m, long n, long k, int block, long seed,
            boolean check) {
        if (check) {
            // before any work: the dense check holds whole matrices in Java arrays
            Dense.check(op.equals("solve") || op.equals("lu") ? n : m, n, op);
        }
        Optional<BlockMatrix> a = input.map(Inputs.Operands::a);
        Optional<BlockMatrix> rhs = input.flatMap(Inputs.Operands::rhs);
        return switch (op) {
            case "solve" -> solve(wren, a, rhs, n, k, block, seed, check);
            case "gram" -> gram(wren, a, m, n, block, seed, check);
            case "qr", "tsqr" -> qr(wren, a, op, m, n, block, seed, check);
            case "lstsq" -> lstsq(wren, a, rhs, m, n, block, seed, check);
            case "lu" -> lu(wren, a, n, block, seed, check);
            case "svd" -> svd(wren, a, m, n, block, seed, check);
            default -> throw new UsageException("unknown op '" + op + "'");
        };
    }

    /** The right-hand side of {@code op}: {@code rhs} if given (it must have {@code rows} rows), else random. */
    private static BlockMatrix rhs(Wren wren, String op, Optional<BlockMatrix> rhs, long rows, long cols, int block, long seed) {
        if (rhs.isPresent() && rhs.get().rows() != rows) {
            throw new UsageException(op + ": the right-hand side of --label is " + rhs.get().rows() + "x" + rhs.get().cols() + ", it needs " + rows + " rows");
        }
        return rhs.orElseGet(() -> wren.random(rows, cols, block, seed));
    }

    /** The solution's values when the right-hand side is the user's and the solution is small enough to read. */
    private static List<Double> printed(Optional<BlockMatrix> rhs, BlockMatrix x) {
        if (rhs.isEmpty() || x.rows() * x.cols() > MAX_PRINTED_SOLUTION) {
            return List.of();
        }
        return Arrays.stream(x.toColumnMajor()).boxed().toList();
    }

    private static Workload.Outcome solve(Wren wren, Optional<BlockMatrix> input, Optional<BlockMatrix> given, long n, long k, int block,
            long seed, boolean check) {
        BlockMatrix a = input.orElseGet(() -> wren.randomSpd(n, block, seed));
        BlockMatrix b = rhs(wren, "solve", given, n, k, block, seed + 1);
        long rhs = b.cols();
        BlockMatrix x = a.solve(b).compute();
        JobReport job = wren.lastJob().orElseThrow();
        double residual = Double.NaN;
        if (check) {
            Dense.check(n, n, "solve");
            double[] av = a.toColumnMajor();
            double[] bv = b.toColumnMajor();
            double[] xv = x.toColumnMajor();
            double[] ax = DenseReference.withBlasThreads(wren.workers(), () -> DenseReference.gemm(av, xv, (int) n, (int) n, (int) rhs));
            residual = Dense.norm(Dense.minus(ax, bv)) / (Dense.norm(av) * Dense.norm(xv) + Dense.norm(bv));
        }
        double flops = n * (double) n * n / 3 + 4.0 * n * n * rhs;
        return new Workload.Outcome("solve", n, n, rhs, block, wren.workers(), job, flops, residual, Double.NaN, printed(given, x));
    }

    private static Workload.Outcome gram(Wren wren, Optional<BlockMatrix> input, long m, long n, int block, long seed, boolean check) {
        BlockMatrix x = input.orElseGet(() -> wren.random(m, n, block, seed));
        BlockMatrix g = x.gram().compute();
        JobReport job = wren.lastJob().orElseThrow();
        double residual = Double.NaN;
        if (check) {
            Dense.check(m, n, "gram");
            double[] xv = x.toColumnMajor();
            double[] gv = g.toColumnMajor();
            double[] xtx = DenseReference.withBlasThreads(wren.workers(),
                    () -> DenseReference.gemm(Dense.transpose(xv, (int) m, (int) n), xv, (int) n, (int) m, (int) n));
            double nx = Dense.norm(xv);
            residual = Dense.norm(Dense.minus(gv, xtx)) / (nx * nx);
        }
        return new Workload.Outcome("gram", m, n, m, block, wren.workers(), job, (double) m * n * n, residual, Double.NaN);
    }

    private static Workload.Outcome qr(Wren wren, Optional<BlockMatrix> input, String op, long m, long n, int block, long seed,
            boolean check) {
        if (m < n) {
            throw new UsageException(op + " needs a square or tall matrix: --m " + m + " < --n " + n);
        }
        if (op.equals("tsqr") && n > block) {
            throw new UsageException("tsqr is QR of a tall-skinny matrix (one tile column): --n " + n + " > --block " + block);
        }
        BlockMatrix a = input.orElseGet(() -> wren.random(m, n, block, seed));
        BlockMatrix r = a.qr().compute();
        JobReport job = wren.lastJob().orElseThrow();
        double residual = Double.NaN;
        if (check) {
            Dense.check(m, n, op);
            double[] av = a.toColumnMajor();
            double[] rv = r.toColumnMajor();
            residual = DenseReference.withBlasThreads(wren.workers(), () -> {
                double[] rtr = DenseReference.gemm(Dense.transpose(rv, (int) n, (int) n), rv, (int) n, (int) n, (int) n);
                double[] ata = DenseReference.gemm(Dense.transpose(av, (int) m, (int) n), av, (int) n, (int) m, (int) n);
                double na = Dense.norm(av);
                return Dense.norm(Dense.minus(rtr, ata)) / (na * na);
            });
        }
        double flops = 2.0 * m * n * n - 2.0 * n * n * n / 3;
        return new Workload.Outcome(op, m, n, n, block, wren.workers(), job, flops, residual, Double.NaN);
    }

    private static Workload.Outcome lstsq(Wren wren, Optional<BlockMatrix> input, Optional<BlockMatrix> given, long m, long n, int block,
            long seed, boolean check) {
        if (m < n) {
            throw new UsageException("lstsq needs at least as many rows as columns: --m " + m + " < --n " + n);
        }
        BlockMatrix a = input.orElseGet(() -> wren.random(m, n, block, seed));
        BlockMatrix b = rhs(wren, "lstsq", given, m, 1, block, seed + 1);
        int rhs = (int) b.cols();
        BlockMatrix x = a.lstsq(b).solution();
        JobReport job = wren.lastJob().orElseThrow();
        double residual = Double.NaN;
        if (check) {
            Dense.check(m, n, "lstsq");
            double[] av = a.toColumnMajor();
            double[] bv = b.toColumnMajor();
            double[] xv = x.toColumnMajor();
            residual = DenseReference.withBlasThreads(wren.workers(), () -> {
                double[] r = Dense.minus(DenseReference.gemm(av, xv, (int) m, (int) n, rhs), bv);
                double[] atr = DenseReference.gemm(Dense.transpose(av, (int) m, (int) n), r, (int) n, (int) m, rhs);
                double na = Dense.norm(av);
                return Dense.norm(atr) / (na * na * Dense.norm(xv) + na * Dense.norm(bv));
            });
        }
        double flops = 2.0 * m * n * n - 2.0 * n * n * n / 3 + 8.0 * m * n * rhs;
        return new Workload.Outcome("lstsq", m, n, rhs, block, wren.workers(), job, flops, residual, Double.NaN, printed(given, x));
    }

    /** Reports the job of L (calu and the final row order), the last and largest of the three. */
    private static Workload.Outcome lu(Wren wren, Optional<BlockMatrix> input, long n, int block, long seed, boolean check) {
        BlockMatrix a = input.orElseGet(() -> wren.random(n, n, block, seed));
        LuFactors f = a.lu();
        int[] rows = f.rows();
        BlockMatrix u = f.u().compute();
        BlockMatrix l = f.l().compute();
        JobReport job = wren.lastJob().orElseThrow();
        double residual = Double.NaN;
        if (check) {
            Dense.check(n, n, "lu");
            int size = (int) n;
            double[] av = a.toColumnMajor();
            double[] pa = new double[av.length];
            for (int c = 0; c < size; c++) {
                for (int r = 0; r < size; r++) {
                    pa[c * size + r] = av[c * size + rows[r]];
                }
            }
            double[] lv = l.toColumnMajor();
            double[] uv = u.toColumnMajor();
            double[] product = DenseReference.withBlasThreads(wren.workers(), () -> DenseReference.gemm(lv, uv, size, size, size));
            residual = Dense.norm(Dense.minus(pa, product)) / Dense.norm(av);
        }
        double flops = 2.0 * n * n * n / 3;
        return new Workload.Outcome("lu", n, n, n, block, wren.workers(), job, flops, residual, Double.NaN);
    }

    /** Reports the band-reduction job; the client's Jacobi on the band is not in its time. */
    private static Workload.Outcome svd(Wren wren, Optional<BlockMatrix> input, long m, long n, int block, long seed, boolean check) {
        BlockMatrix a = input.orElseGet(() -> wren.random(m, n, block, seed));
        double[] sv = a.singularValues();
        JobReport job = wren.lastJob().orElseThrow();
        double error = Double.NaN;
        if (check) {
            Dense.check(m, n, "svd");
            double[] want = DenseReference.singularValues(a.toColumnMajor(), (int) m, (int) n);
            error = 0;
            for (int i = 0; i < want.length; i++) {
                error = Math.max(error, Math.abs(sv[i] - want[i]) / want[0]);
            }
        }
        long small = Math.min(m, n);
        double flops = 8.0 * small * small * small / 3 + (m != n ? 2.0 * Math.max(m, n) * small * small : 0);
        return new Workload.Outcome("svd", m, n, small, block, wren.workers(), job, flops, error, Double.NaN);
    }

    /** Column-major helpers for the checks. */
    static final class Dense {
        private Dense() {
        }

        /** The input and its {@code cols x cols} products (A^T A, R^T R) must fit in Java arrays. */
        static void check(long rows, long cols, String op) {
            Workload.dense(rows, cols, op);
            Workload.dense(cols, cols, op);
        }

        static double[] transpose(double[] a, int rows, int cols) {
            double[] t = new double[a.length];
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++) {
                    t[r * cols + c] = a[c * rows + r];
                }
            }
            return t;
        }

        static double[] minus(double[] a, double[] b) {
            double[] o = new double[a.length];
            for (int i = 0; i < o.length; i++) {
                o[i] = a[i] - b[i];
            }
            return o;
        }

        static double norm(double[] a) {
            double s = 0;
            for (double v : a) {
                s += v * v;
            }
            return Math.sqrt(s);
        }
    }
}
