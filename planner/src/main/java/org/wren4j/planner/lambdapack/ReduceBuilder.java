package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * Fluent construction of a {@link Reduce}:
 * {@code reduce("k", c(0), v("K")).fanIn(4).leaf("gemm_sum", ref("A", i, k), ref("B", k, j)).combine("sum_n").into(ref("C", i, j), "T")}.
 */
public final class ReduceBuilder {
    /** Fan-in used when none is given. */
    public static final int DEFAULT_FAN_IN = 8;

    private final String var;
    private final Expr from;
    private final Expr to;
    private int fanIn = DEFAULT_FAN_IN;
    private String leafKernel;
    private List<TileRef> terms = List.of();
    private List<TileRef> leafInputs = List.of();
    private List<Expr> leafScalars = List.of();
    private String combineKernel;
    private List<Expr> combineScalars = List.of();
    private Expr priority = Expr.c(0);

    ReduceBuilder(String var, Expr from, Expr to) {
        this.var = requireNonNull(var, "var is null");
        this.from = requireNonNull(from, "from is null");
        this.to = requireNonNull(to, "to is null");
    }

    public ReduceBuilder fanIn(int value) {
        this.fanIn = value;
        return this;
    }

    /** The leaf kernel and the tiles it reads for one value of the reduction variable. */
    public ReduceBuilder leaf(String kernel, TileRef... leafTerms) {
        this.leafKernel = requireNonNull(kernel, "kernel is null");
        this.terms = Arrays.asList(leafTerms);
        return this;
    }

    /** Tiles every leaf reads before its gathered terms (they may not use the reduction variable). */
    public ReduceBuilder leafInputs(TileRef... inputs) {
        this.leafInputs = Arrays.asList(inputs);
        return this;
    }

    /** Scalars of the leaf kernel; the reduction variable stands for the first index of the group. */
    public ReduceBuilder leafScalars(Expr... scalars) {
        this.leafScalars = Arrays.asList(scalars);
        return this;
    }

    public ReduceBuilder combine(String kernel, Expr... scalars) {
        this.combineKernel = requireNonNull(kernel, "kernel is null");
        this.combineScalars = Arrays.asList(scalars);
        return this;
    }

    public ReduceBuilder priority(Expr value) {
        this.priority = requireNonNull(value, "priority is null");
        return this;
    }

    /** Finishes the reduction: the result goes to {@code output}, partial results to temporary {@code partials}. */
    public Reduce into(TileRef output, String partials) {
        if (leafKernel == null || combineKernel == null) {
            throw new IllegalStateException("reduction over " + var + " needs a leaf and a combine kernel");
        }
        return new Reduce(var, from, to, fanIn, output, partials, leafKernel, terms, leafScalars, combineKernel, combineScalars, priority, leafInputs);
    }
}
