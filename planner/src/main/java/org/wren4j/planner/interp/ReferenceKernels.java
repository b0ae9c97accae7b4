package org.wren4j.planner.interp;

import static org.wren4j.planner.interp.DenseOps.cols;
import static org.wren4j.planner.interp.DenseOps.multiply;
import static org.wren4j.planner.interp.DenseOps.rows;
import static org.wren4j.planner.interp.DenseOps.transpose;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.wren4j.planner.library.KernelSpecs;

/**
 * Plain-Java implementations of every kernel of {@link KernelSpecs}, written from the specs
 * with naive loops: the reference the BLAS kernels of the executor are tested against. Inputs
 * are never modified.
 */
public final class ReferenceKernels {
    private ReferenceKernels() {
    }

    /**
     * Runs kernel {@code name} on input tiles {@code in} and {@code scalars}.
     *
     * @throws IllegalArgumentException for an unknown kernel or inputs of the wrong number or shape
     */
    public static List<double[][]> apply(String name, List<double[][]> in, double[] scalars) {
        var spec = KernelSpecs.byName(name);
        if (!spec.variadic() && in.size() != spec.inputs()) {
            throw new IllegalArgumentException("kernel " + name + " takes " + spec.inputs() + " tiles, got " + in.size());
        }
        if (!spec.variadicScalars() && scalars.length != spec.scalars()) {
            throw new IllegalArgumentException("kernel " + name + " takes " + spec.scalars() + " scalars, got " + scalars.length);
        }
        if (spec.variadic() && in.isEmpty()) {
            throw new IllegalArgumentException("kernel " + name + " got no tile");
        }
        if (name.startsWith("trsm_")) {
            return one(trsm(name, in.get(0), in.get(1)));
        }
        if (name.startsWith("row_") || name.startsWith("col_")) {
            return one(Reductions.leaf(name, in, scalars));
        }
        if (name.startsWith("map_")) {
            return one(map(in.get(0), unary(name, scalars)));
        }
        if (name.startsWith("zip_")) {
            return one(zip(in.get(0), in.get(1), binary(name, scalars)));
        }
        if (ExprKernels.handles(name)) {
            return one(ExprKernels.apply(name, in, scalars));
        }
        if (LuKernels.handles(name)) {
            return LuKernels.apply(name, in, scalars);
        }
        if (QrKernels.handles(name)) {
            return QrKernels.apply(name, in, scalars);
        }
        double[][] out = switch (name) {
            case "chol" -> DenseOps.cholesky(in.get(0));
            case "syrk_update", "gemm_sub_nt" -> DenseOps.addScaled(in.get(0), -1, multiply(in.get(1), transpose(in.get(2))));
            case "gemm_sub_nn" -> DenseOps.addScaled(in.get(0), -1, multiply(in.get(1), in.get(2)));
            case "gemm_sub_tn" -> DenseOps.addScaled(in.get(0), -1, multiply(transpose(in.get(1)), in.get(2)));
            case "gemm" -> multiply(in.get(0), in.get(1));
            case "gemm_acc" -> DenseOps.addScaled(in.get(0), 1, multiply(in.get(1), in.get(2)));
            case "gemm_sum", "gemm_tn_sum" -> productSum(in, name.equals("gemm_tn_sum"));
            case "sum_n" -> fold(in, Double::sum);
            case "min_n" -> fold(in, Math::min);
            case "max_n" -> fold(in, Math::max);
            case "norm2_n" -> fold(in, Math::hypot);
            case "argmin_n", "argmax_n" -> Reductions.combinePairs(in, name.equals("argmin_n"), scalars[0] != 0);
            case "transpose" -> transpose(in.get(0));
            default -> throw new IllegalArgumentException("no reference implementation of kernel " + name);
        };
        return one(out);
    }

    private static List<double[][]> one(double[][] tile) {
        return List.<double[][]>of(tile);
    }

    private static double[][] trsm(String name, double[][] t, double[][] b) {
        boolean left = name.charAt(5) == 'l';
        boolean lower = name.charAt(6) == 'l';
        boolean trans = name.charAt(7) == 't';
        double[][] op = DenseOps.triangle(t, lower);
        if (trans) {
            op = transpose(op);
        }
        boolean opLower = lower != trans;
        if (left) {
            return DenseOps.solveTriangular(op, opLower, b);
        }
        return transpose(DenseOps.solveTriangular(transpose(op), !opLower, transpose(b)));
    }

    private static double[][] productSum(List<double[][]> in, boolean transposeFirst) {
        if (in.size() % 2 != 0) {
            throw new IllegalArgumentException("product sum needs pairs of tiles, got " + in.size());
        }
        double[][] acc = null;
        for (int p = 0; p < in.size(); p += 2) {
            double[][] a = transposeFirst ? transpose(in.get(p)) : in.get(p);
            double[][] prod = multiply(a, in.get(p + 1));
            acc = acc == null ? prod : DenseOps.addScaled(acc, 1, prod);
        }
        return acc;
    }

    private static double[][] fold(List<double[][]> in, DoubleBinaryOperator f) {
        double[][] acc = DenseOps.copy(in.get(0));
        for (int p = 1; p < in.size(); p++) {
            acc = zip(acc, in.get(p), f);
        }
        return acc;
    }

    private static double[][] map(double[][] x, DoubleUnaryOperator f) {
        double[][] out = new double[rows(x)][cols(x)];
        for (int i = 0; i < rows(x); i++) {
            for (int j = 0; j < cols(x); j++) {
                out[i][j] = f.applyAsDouble(x[i][j]);
            }
        }
        return out;
    }

    private static double[][] zip(double[][] x, double[][] y, DoubleBinaryOperator f) {
        DenseOps.requireSameShape(x, y);
        double[][] out = new double[rows(x)][cols(x)];
        for (int i = 0; i < rows(x); i++) {
            for (int j = 0; j < cols(x); j++) {
                out[i][j] = f.applyAsDouble(x[i][j], y[i][j]);
            }
        }
        return out;
    }

    private static DoubleUnaryOperator unary(String name, double[] s) {
        return switch (name) {
            case "map_neg" -> x -> -x;
            case "map_abs" -> Math::abs;
            case "map_sqrt" -> Math::sqrt;
            case "map_exp" -> Math::exp;
            case "map_log" -> Math::log;
            case "map_square" -> x -> x * x;
            case "map_scale" -> x -> s[0] * x;
            case "map_shift" -> x -> x + s[0];
            default -> throw new IllegalArgumentException("no reference implementation of kernel " + name);
        };
    }

    private static DoubleBinaryOperator binary(String name, double[] s) {
        return switch (name) {
            case "zip_add" -> Double::sum;
            case "zip_sub" -> (x, y) -> x - y;
            case "zip_mul" -> (x, y) -> x * y;
            case "zip_div" -> (x, y) -> x / y;
            case "zip_min" -> Math::min;
            case "zip_max" -> Math::max;
            case "zip_axpby" -> (x, y) -> s[0] * x + s[1] * y;
            default -> throw new IllegalArgumentException("no reference implementation of kernel " + name);
        };
    }
}
