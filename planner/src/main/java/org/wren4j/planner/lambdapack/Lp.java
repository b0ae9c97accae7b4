package org.wren4j.planner.lambdapack;

import java.util.Arrays;
import java.util.List;

/**
 * Static helpers that make programs read like the paper's listings:
 * {@code loop("j", add(v("i"), c(1)), v("N"), call("trsm", ref("O", j, i), ref("O", i, i), ref("S", i, j, i)))}.
 */
public final class Lp {
    private Lp() {
    }

    public static TileRef ref(String matrix, Expr... indices) {
        return new TileRef(matrix, Arrays.asList(indices));
    }

    /** A single-output kernel call with priority 0. */
    public static KernelCall call(String kernel, TileRef output, TileRef... inputs) {
        return new KernelCall(kernel, List.of(output), Arrays.asList(inputs), List.of(), Expr.c(0));
    }

    public static KernelCall call(String kernel, List<TileRef> outputs, List<TileRef> inputs, List<Expr> scalars, Expr priority) {
        return new KernelCall(kernel, outputs, inputs, scalars, priority);
    }

    public static KernelCall prioritized(KernelCall call, Expr priority) {
        return call.withPriority(priority);
    }

    /** A call reading {@code inputs} then the gathered {@code refs for var in from..to}. */
    public static KernelCall gathered(String kernel, TileRef output, List<TileRef> inputs, String var, Expr from, Expr to, TileRef... refs) {
        return new KernelCall(kernel, List.of(output), inputs, List.of(), Expr.c(0),
                java.util.Optional.of(new Gather(var, from, to, Arrays.asList(refs))));
    }

    /** Starts a reduction over {@code var in from..to}; see {@link Reduce}. */
    public static ReduceBuilder reduce(String var, Expr from, Expr to) {
        return new ReduceBuilder(var, from, to);
    }

    /** A call with scalar arguments and priority 0. */
    public static KernelCall call(String kernel, TileRef output, List<TileRef> inputs, Expr... scalars) {
        return new KernelCall(kernel, List.of(output), inputs, Arrays.asList(scalars), Expr.c(0));
    }

    public static For loop(String var, Expr from, Expr to, Stmt... body) {
        return new For(var, from, to, Expr.c(1), new Block(Arrays.asList(body)));
    }

    public static For loop(String var, Expr from, Expr to, Expr step, Stmt... body) {
        return new For(var, from, to, step, new Block(Arrays.asList(body)));
    }

    public static If when(Expr condition, Stmt... then) {
        return new If(condition, new Block(Arrays.asList(then)), new Block(List.of()));
    }

    public static If when(Expr condition, Block then, Block orElse) {
        return new If(condition, then, orElse);
    }

    public static Block block(Stmt... body) {
        return new Block(Arrays.asList(body));
    }

    public static Assign let(String var, Expr value) {
        return new Assign(var, value);
    }
}
