package org.wren4j.cli;

import java.util.List;
import java.util.Optional;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.DenseReference;
import org.wren4j.api.JobReport;
import org.wren4j.api.Wren;

/**
 * One timed operation on generated inputs: inputs are stored first (not timed), the job's own
 * clock covers submission to a durable result, and the check compares with dense LAPACK.
 */
final class Workload {
    /**
     * What a run measured; {@code residual} and {@code baselineSeconds} are NaN when not asked for;
     * {@code solution} holds the values of a small solution of the user's own system, else nothing.
     */
    record Outcome(String op, long m, long n, long k, int block, int workers, JobReport job, double flops,
                   double residual, double baselineSeconds, List<Double> solution) {
        Outcome {
            solution = List.copyOf(solution);
        }

        Outcome(String op, long m, long n, long k, int block, int workers, JobReport job, double flops, double residual, double baselineSeconds) {
            this(op, m, n, k, block, workers, job, flops, residual, baselineSeconds, List.of());
        }

        double gflops() {
            return flops / job.seconds() / 1e9;
        }
    }

    static final String[] OPS = {"cholesky", "gemm"};

    private Workload() {
    }

    static Outcome run(Wren wren, String op, long m, long n, long k, int block, long seed, boolean check, boolean baseline) {
        return run(wren, op, Optional.empty(), m, n, k, block, seed, check, baseline);
    }

    /**
     * Like {@link #run(Wren, String, long, long, long, int, long, boolean, boolean)}, with the first
     * operand given (from {@code --input}, see {@link Inputs#operands}) of sizes m x k (cholesky:
     * n x n) in tiles of {@code block}; gemm's B is generated, a random k x n.
     */
    static Outcome run(Wren wren, String op, Optional<BlockMatrix> input, long m, long n, long k, int block, long seed, boolean check,
            boolean baseline) {
        return switch (op) {
            case "cholesky" -> cholesky(wren, input, n, block, seed, check, baseline);
            case "gemm" -> gemm(wren, input, m, n, k, block, seed, check, baseline);
            default -> throw new UsageException("unknown op '" + op + "' (choose from: " + String.join(", ", OPS) + ")");
        };
    }

    private static Outcome cholesky(Wren wren, Optional<BlockMatrix> input, long n, int block, long seed, boolean check, boolean baseline) {
        if (check || baseline) {
            dense(n, n, "cholesky");
        }
        BlockMatrix a = input.map(BlockMatrix::asSpd).orElseGet(() -> wren.randomSpd(n, block, seed));
        BlockMatrix l = a.cholesky().compute();
        JobReport job = wren.lastJob().orElseThrow();
        double residual = Double.NaN;
        double base = Double.NaN;
        if (check || baseline) {
            int size = (int) n;
            double[] av = a.toColumnMajor();
            if (check) {
                double[] lv = l.toColumnMajor();
                residual = DenseReference.withBlasThreads(wren.workers(), () -> DenseReference.choleskyResidual(av, lv, size));
            }
            if (baseline) {
                base = DenseReference.choleskyBaselineSeconds(av, size, wren.workers());
            }
        }
        return new Outcome("cholesky", n, n, n, block, wren.workers(), job, (double) n * n * n / 3, residual, base);
    }

    private static Outcome gemm(Wren wren, Optional<BlockMatrix> input, long m, long n, long k, int block, long seed, boolean check,
            boolean baseline) {
        if (check || baseline) {
            dense(m, k, "gemm");
            dense(k, n, "gemm");
            dense(m, n, "gemm");
        }
        BlockMatrix a = input.orElseGet(() -> wren.random(m, k, block, seed));
        BlockMatrix b = wren.random(k, n, block, seed + 1);
        BlockMatrix c = a.matmul(b).compute();
        JobReport job = wren.lastJob().orElseThrow();
        double residual = Double.NaN;
        double base = Double.NaN;
        if (check || baseline) {
            double[] av = a.toColumnMajor();
            double[] bv = b.toColumnMajor();
            if (check) {
                double[] cv = c.toColumnMajor();
                residual = DenseReference.withBlasThreads(wren.workers(),
                        () -> DenseReference.gemmResidual(av, bv, cv, (int) m, (int) k, (int) n));
            }
            if (baseline) {
                base = DenseReference.gemmBaselineSeconds(av, bv, (int) m, (int) k, (int) n, wren.workers());
            }
        }
        return new Outcome("gemm", m, n, k, block, wren.workers(), job, 2.0 * m * n * k, residual, base);
    }

    /** The dense check holds whole matrices in Java arrays. */
    static void dense(long rows, long cols, String op) {
        if (rows * cols > Integer.MAX_VALUE - 8) {
            throw new UsageException(op + ": a " + rows + "x" + cols + " matrix is too large for the dense check; add --no-check");
        }
    }
}
