package org.wren4j.exec.kernels;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.wren4j.planner.library.KernelSpec;
import org.wren4j.planner.library.KernelSpecs;
import org.wren4j.tiles.Tile;

/** Kernel implementations by catalogue name. */
public final class KernelLibrary {
    private static final Map<String, TileKernel> KERNELS = register();

    private KernelLibrary() {
    }

    private static Map<String, TileKernel> register() {
        Map<String, TileKernel> k = new LinkedHashMap<>();
        put(k, KernelSpecs.CHOL.name(), BlasKernels::chol);
        put(k, KernelSpecs.SYRK_UPDATE.name(), BlasKernels::syrkUpdate);
        put(k, KernelSpecs.GEMM.name(), BlasKernels::gemm);
        put(k, KernelSpecs.GEMM_ACC.name(), BlasKernels::gemmAcc);
        put(k, KernelSpecs.GEMM_SUM.name(), BlasKernels::gemmSum);
        put(k, KernelSpecs.GEMM_TN_SUM.name(), BlasKernels::gemmTnSum);
        put(k, KernelSpecs.GEMM_SUB_NN.name(), BlasKernels::gemmSubNn);
        put(k, KernelSpecs.GEMM_SUB_TN.name(), BlasKernels::gemmSubTn);
        put(k, KernelSpecs.GEMM_SUB_NT.name(), BlasKernels::gemmSubNt);
        for (boolean left : new boolean[] {true, false}) {
            for (boolean lower : new boolean[] {true, false}) {
                for (boolean trans : new boolean[] {false, true}) {
                    put(k, TriangularKernels.name(left, lower, trans), TriangularKernels.trsm(left, lower, trans));
                }
            }
        }

        put(k, KernelSpecs.TRANSPOSE.name(), ElementwiseKernels::transpose);
        put(k, "map_neg", ElementwiseKernels::neg);
        put(k, "map_abs", ElementwiseKernels::abs);
        put(k, "map_sqrt", ElementwiseKernels::sqrt);
        put(k, "map_exp", ElementwiseKernels::exp);
        put(k, "map_log", ElementwiseKernels::log);
        put(k, "map_square", ElementwiseKernels::square);
        put(k, "map_scale", ElementwiseKernels::scale);
        put(k, "map_shift", ElementwiseKernels::shift);
        put(k, "zip_add", ElementwiseKernels::add);
        put(k, "zip_sub", ElementwiseKernels::sub);
        put(k, "zip_mul", ElementwiseKernels::mul);
        put(k, "zip_div", ElementwiseKernels::div);
        put(k, "zip_min", ElementwiseKernels::min);
        put(k, "zip_max", ElementwiseKernels::max);
        put(k, "zip_axpby", ElementwiseKernels::axpby);
        put(k, KernelSpecs.SUM_N.name(), ElementwiseKernels::sumN);
        put(k, "min_n", ElementwiseKernels::minN);
        put(k, "max_n", ElementwiseKernels::maxN);
        put(k, "norm2_n", ElementwiseKernels::norm2N);

        for (ReductionKernels.Op op : ReductionKernels.Op.values()) {
            put(k, "row_" + op.label(), ReductionKernels.rows(op));
            put(k, "col_" + op.label(), ReductionKernels.cols(op));
        }
        put(k, "argmin_n", ReductionKernels::argminN);
        put(k, "argmax_n", ReductionKernels::argmaxN);

        put(k, KernelSpecs.QR_R.name(), QrKernels::qrR);

        put(k, KernelSpecs.EW.name(), ExpressionKernels::ew);
        put(k, KernelSpecs.PAIR_INDEX.name(), ExpressionKernels::pairIndex);
        put(k, KernelSpecs.DIAG.name(), ExpressionKernels::diag);
        put(k, KernelSpecs.TAKE.name(), ExpressionKernels::take);
        put(k, KernelSpecs.RETILE.name(), ExpressionKernels::retile);
        put(k, KernelSpecs.QR_FACTOR.name(), HouseholderKernels::qrFactor);
        put(k, KernelSpecs.QR_LEAF_QT.name(), HouseholderKernels::qrLeafQt);
        put(k, KernelSpecs.QR_LEAF_Q.name(), HouseholderKernels::qrLeafQ);
        put(k, KernelSpecs.QR_PAIR_FACTOR.name(), HouseholderKernels::qrPairFactor);
        put(k, KernelSpecs.QR_PAIR_QT.name(), HouseholderKernels::qrPairQt);
        put(k, KernelSpecs.QR_PAIR_Q.name(), HouseholderKernels::qrPairQ);
        put(k, KernelSpecs.LQ_FACTOR.name(), HouseholderKernels::lqFactor);
        put(k, KernelSpecs.LQ_LEAF_APPLY.name(), HouseholderKernels::lqLeafApply);
        put(k, KernelSpecs.LQ_PAIR_FACTOR.name(), HouseholderKernels::lqPairFactor);
        put(k, KernelSpecs.LQ_PAIR_APPLY.name(), HouseholderKernels::lqPairApply);

        put(k, KernelSpecs.LU_CAND.name(), LuCandidates::cand);
        put(k, KernelSpecs.LU_CAND_MERGE.name(), LuCandidates::merge);
        put(k, KernelSpecs.LU_DIAG.name(), LuKernels::diag);
        put(k, KernelSpecs.LU_PICK.name(), LuKernels::pick);
        put(k, KernelSpecs.LU_L.name(), LuKernels::l);
        put(k, KernelSpecs.LU_UPDATE.name(), LuKernels::update);
        return Collections.unmodifiableMap(k);
    }

    private static void put(Map<String, TileKernel> k, String name, TileKernel kernel) {
        if (k.put(name, kernel) != null) {
            throw new IllegalStateException("kernel " + name + " registered twice");
        }
    }

    /** Names of the implemented kernels. */
    public static Set<String> names() {
        return KERNELS.keySet();
    }

    /** @throws IllegalArgumentException if no kernel of that name is implemented */
    public static TileKernel kernel(String name) {
        TileKernel k = KERNELS.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no implementation of kernel '" + name + "'; implemented: " + KERNELS.keySet());
        }
        return k;
    }

    /**
     * Runs {@code name}, checking the catalogue's arity (tiles and scalars) and, for factorizations
     * and solves, that the results are finite (one pass over each result; the inputs are scanned
     * only to explain a failure).
     *
     * @throws IllegalArgumentException for an unknown kernel, wrong arity or tile shapes that do not agree
     * @throws KernelFailure if the input makes the operation impossible; for a kernel that refuses
     *     non-finite values ({@link KernelSpec#refusesNonFinite()}: factorizations and solves), a
     *     {@link NonFiniteValueException} if an input or a result holds NaN or an infinity
     */
    public static Tile[] run(String name, Tile[] inputs, double[] scalars) {
        KernelSpec spec = KernelSpecs.byName(name);
        if (!spec.variadic() && inputs.length != spec.inputs()) {
            throw new IllegalArgumentException("kernel " + name + " takes " + spec.inputs() + " tiles, got " + inputs.length);
        }
        if (spec.variadic() && inputs.length == 0) {
            throw new IllegalArgumentException("kernel " + name + " got no tile");
        }
        if (!spec.variadicScalars() && scalars.length != spec.scalars()) {
            throw new IllegalArgumentException("kernel " + name + " takes " + spec.scalars() + " scalars, got " + scalars.length);
        }
        if (!spec.refusesNonFinite()) {
            return checkedCount(spec, kernel(name).apply(inputs, scalars));
        }
        Tile[] out;
        try {
            out = checkedCount(spec, kernel(name).apply(inputs, scalars));
        } catch (NonFiniteValueException e) {
            throw e;
        } catch (RuntimeException e) {
            // a NaN pivot or an infinity seen as "not positive definite" or "singular", or LAPACKE's
            // own NaN scan rejecting an argument: the non-finite input is the root cause
            try {
                FiniteCheck.requireFiniteInputs(name, inputs);
            } catch (NonFiniteValueException nonFinite) {
                nonFinite.addSuppressed(e);
                throw nonFinite;
            }
            throw e;
        }
        FiniteCheck.requireFinite(name, inputs, out);
        return out;
    }

    private static Tile[] checkedCount(KernelSpec spec, Tile[] out) {
        if (out.length != spec.outputs()) {
            throw new IllegalStateException("kernel " + spec.name() + " returned " + out.length + " tiles, spec says " + spec.outputs());
        }
        return out;
    }

    /**
     * Frees the native scratch buffers the calling thread's kernel calls keep for reuse (each
     * worker thread holds a few buffers as large as the largest tiles it has seen).
     */
    public static void releaseThreadBuffers() {
        Blas.releaseScratch();
    }

    /** Pins BLAS to one thread in this process: workers are single-core. */
    public static void singleThreaded() {
        DenseLinalg.setBlasThreads(1);
    }
}
