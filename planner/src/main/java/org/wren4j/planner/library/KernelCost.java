package org.wren4j.planner.library;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Floating-point operation counts of the {@link KernelSpecs} kernels on given tile shapes: the
 * textbook counts of the dense algorithms (one multiply-add = 2 flops), used to model how long a
 * task takes without running it. Kernels that do O(1) work per element (element-wise maps,
 * copies, transposes, reductions, re-tiling) count one flop per element read, a stand-in for
 * their memory-bound cost; they are tiny next to the O(b^3) kernels either way. A kernel
 * name this class does not know counts the same (one per input element), so a new kernel is
 * modelled as cheap until it gets its own formula here.
 */
public final class KernelCost {
    private KernelCost() {
    }

    /**
     * One input tile of a task: {@code tile} names it (equal names mean the same tile, as in the
     * diagonal Cholesky update that reads one panel tile twice), {@code rows x cols} its shape.
     */
    public record Operand(String tile, long rows, long cols) {
        public Operand {
            requireNonNull(tile, "tile is null");
            if (rows < 0 || cols < 0) {
                throw new IllegalArgumentException("bad shape of tile " + tile + ": " + rows + " x " + cols);
            }
        }

        long elements() {
            return rows * cols;
        }
    }

    /**
     * Flops of {@code kernel} on {@code inputs} (in kernel argument order).
     *
     * @throws IllegalArgumentException if a kernel with fixed arity gets fewer inputs than it reads
     */
    public static double flops(String kernel, List<Operand> inputs) {
        requireNonNull(kernel, "kernel is null");
        requireNonNull(inputs, "inputs is null");
        List<Operand> in = List.copyOf(inputs);
        KernelSpec spec = KernelSpecs.all().get(kernel);
        if (spec != null && !spec.variadic() && in.size() < spec.inputs()) {
            throw new IllegalArgumentException("kernel " + kernel + " reads " + spec.inputs() + " tiles, got " + in.size());
        }
        if (kernel.startsWith("trsm_")) {
            return trsm(kernel, in);
        }
        return switch (kernel) {
            // n^3 / 3: the lower triangle of an n x n SPD tile
            case "chol" -> cube(in.get(0).rows()) / 3.0;
            // C - A B^T: 2 m n k; when A and B are the same tile only the lower half is formed (dsyrk): n (n + 1) k
            case "syrk_update" -> in.get(1).tile().equals(in.get(2).tile())
                    ? (double) in.get(1).rows() * (in.get(1).rows() + 1) * in.get(1).cols()
                    : product(in.get(1).rows(), in.get(2).rows(), in.get(1).cols()) + in.get(0).elements();
            case "gemm" -> product(in.get(0).rows(), in.get(1).cols(), in.get(0).cols());
            case "gemm_acc", "gemm_sub_nn" -> product(in.get(1).rows(), in.get(2).cols(), in.get(1).cols()) + in.get(0).elements();
            case "gemm_sub_tn" -> product(in.get(1).cols(), in.get(2).cols(), in.get(1).rows()) + in.get(0).elements();
            case "gemm_sub_nt" -> product(in.get(1).rows(), in.get(2).rows(), in.get(1).cols()) + in.get(0).elements();
            case "gemm_sum" -> pairs(in, false);
            case "gemm_tn_sum" -> pairs(in, true);
            // Householder QR of the stacked m x n: 2 n^2 (m - n / 3)
            case "qr_r" -> qr(stackedRows(in, 0), in.isEmpty() ? 0 : in.get(0).cols());
            case "qr_factor" -> qr(in.get(0).rows(), in.get(0).cols());
            case "qr_pair_factor" -> qr(in.get(0).rows() + in.get(1).rows(), in.get(0).cols());
            case "lq_factor" -> qr(in.get(0).cols(), in.get(0).rows());
            case "lq_pair_factor" -> qr(in.get(0).cols() + in.get(1).cols(), in.get(0).rows());
            // applying Q = I - V T V^T (V m x K) to c columns: 4 m K c
            case "qr_leaf_qt", "qr_leaf_q" -> 4.0 * in.get(1).rows() * in.get(0).cols() * in.get(1).cols();
            case "qr_pair_qt", "qr_pair_q" -> 4.0 * (in.get(1).rows() + in.get(2).rows()) * in.get(0).cols() * in.get(1).cols();
            case "lq_leaf_apply" -> 4.0 * in.get(1).cols() * in.get(0).cols() * in.get(1).rows();
            case "lq_pair_apply" -> 4.0 * (in.get(1).cols() + in.get(2).cols()) * in.get(0).cols() * in.get(1).rows();
            // Gaussian elimination with partial pivoting of an m x n stack: m n^2 - n^3 / 3 (n <= m)
            case "lu_cand" -> gepp(stackedRows(in, 0), in.isEmpty() ? 0 : in.get(0).cols());
            case "lu_cand_merge" -> gepp(stackedRows(in, 0), in.isEmpty() ? 0 : Math.max(0, in.get(0).cols() - 2));
            case "lu_diag" -> gepp(in.get(1).rows(), in.get(1).cols());
            // E U^-1, U n x n upper triangular: m n^2
            case "lu_l" -> (double) in.get(2).rows() * in.get(3).rows() * in.get(3).rows();
            case "lu_update" -> product(in.get(3).rows(), in.get(4).cols(), in.get(3).cols()) + in.get(2).elements();
            default -> elements(in);
        };
    }

    /** Left side: T m x m, B m x n: m^2 n; right side: B m x n, T n x n: m n^2. */
    private static double trsm(String kernel, List<Operand> in) {
        Operand b = in.get(1);
        boolean left = kernel.charAt(5) == 'l';
        return left ? (double) b.rows() * b.rows() * b.cols() : (double) b.rows() * b.cols() * b.cols();
    }

    private static double pairs(List<Operand> in, boolean transposedLeft) {
        double total = 0;
        for (int p = 0; p + 1 < in.size(); p += 2) {
            Operand a = in.get(p);
            Operand b = in.get(p + 1);
            total += transposedLeft ? product(a.cols(), b.cols(), a.rows()) : product(a.rows(), b.cols(), a.cols());
        }
        return total;
    }

    private static long stackedRows(List<Operand> in, long start) {
        long rows = start;
        for (Operand o : in) {
            rows += o.rows();
        }
        return rows;
    }

    private static double qr(long m, long n) {
        long k = Math.min(m, n);
        return 2.0 * k * k * (Math.max(m, n) - k / 3.0);
    }

    private static double gepp(long m, long n) {
        long k = Math.min(m, n);
        return (double) Math.max(m, n) * k * k - cube(k) / 3.0;
    }

    private static double product(long m, long n, long k) {
        return 2.0 * m * n * k;
    }

    private static double cube(long n) {
        return (double) n * n * n;
    }

    private static double elements(List<Operand> in) {
        double total = 0;
        for (Operand o : in) {
            total += o.elements();
        }
        return total;
    }
}
