package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;
import static org.wren4j.planner.lambdapack.Expr.add;
import static org.wren4j.planner.lambdapack.Expr.and;
import static org.wren4j.planner.lambdapack.Expr.c;
import static org.wren4j.planner.lambdapack.Expr.ceilDiv;
import static org.wren4j.planner.lambdapack.Expr.eq;
import static org.wren4j.planner.lambdapack.Expr.gt;
import static org.wren4j.planner.lambdapack.Expr.log2Ceil;
import static org.wren4j.planner.lambdapack.Expr.lt;
import static org.wren4j.planner.lambdapack.Expr.max;
import static org.wren4j.planner.lambdapack.Expr.min;
import static org.wren4j.planner.lambdapack.Expr.mul;
import static org.wren4j.planner.lambdapack.Expr.pow;
import static org.wren4j.planner.lambdapack.Expr.sub;
import static org.wren4j.planner.lambdapack.Expr.v;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A first-class reduction: {@code output = combine over var in from..to of leaf(terms)},
 * computed by a tree of fan-in {@code fanIn} (a power of two). The reduction range must be
 * non-empty.
 *
 * <p>Lowering ({@link #lowered()}), with {@code n = to - from}, {@code F = fanIn} and
 * {@code L = max(1, ceil(log_F n))} levels: leaf {@code g} (level 0) runs {@code leafKernel}
 * once on the gathered terms of {@code var in from + g F .. min(from + g F + F, to)}, so a leaf
 * fuses up to F terms in one task (e.g. {@code gemm_sum} accumulates F products with
 * beta = 1). Node {@code g} of level {@code l >= 1} runs {@code combineKernel} on the up-to-F
 * partial results {@code g F .. g F + F - 1} of level {@code l - 1}. Level {@code l} has
 * {@code ceil(n / F^(l+1))} nodes; the single node of the last level writes {@code output},
 * the others write {@code partials[l, g, <output indices>]}, a temporary of rank
 * {@code output.rank() + 2}. Leaf scalars may use {@code var}: it stands for the first index
 * of the leaf's group. The tree's own variables are {@code var_l}, {@code var_g}, {@code var_t}.
 * {@code leafInputs} (usually none) are tiles every leaf reads before its gathered terms, e.g.
 * the pivot rows that tell a leaf which rows of its tiles to pick; they may not use {@code var}.
 */
public record Reduce(String var, Expr from, Expr to, int fanIn, TileRef output, String partials,
                     String leafKernel, List<TileRef> terms, List<Expr> leafScalars,
                     String combineKernel, List<Expr> combineScalars, Expr priority, List<TileRef> leafInputs) implements Stmt {

    /** A reduction whose leaves read only their gathered terms. */
    public Reduce(String var, Expr from, Expr to, int fanIn, TileRef output, String partials,
                  String leafKernel, List<TileRef> terms, List<Expr> leafScalars,
                  String combineKernel, List<Expr> combineScalars, Expr priority) {
        this(var, from, to, fanIn, output, partials, leafKernel, terms, leafScalars, combineKernel, combineScalars, priority, List.of());
    }

    public Reduce {
        requireNonNull(var, "var is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(output, "output is null");
        requireNonNull(partials, "partials is null");
        requireNonNull(leafKernel, "leafKernel is null");
        terms = List.copyOf(requireNonNull(terms, "terms is null"));
        leafScalars = List.copyOf(requireNonNull(leafScalars, "leafScalars is null"));
        requireNonNull(combineKernel, "combineKernel is null");
        combineScalars = List.copyOf(requireNonNull(combineScalars, "combineScalars is null"));
        requireNonNull(priority, "priority is null");
        leafInputs = List.copyOf(requireNonNull(leafInputs, "leafInputs is null"));
        for (TileRef r : leafInputs) {
            if (r.indices().stream().anyMatch(e -> e.variables().contains(var))) {
                throw new IllegalArgumentException("reduction over " + var + ": leaf input " + r + " may not use " + var);
            }
        }
        new Ref(var);
        new Ref(partials);
        if (fanIn < 2 || Integer.bitCount(fanIn) != 1) {
            throw new IllegalArgumentException("reduction over " + var + " needs a power-of-two fan-in >= 2, got " + fanIn);
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("reduction over " + var + " has no leaf terms");
        }
    }

    /** Name of the level variable of the tree. */
    public String levelVar() {
        return var + "_l";
    }

    /** Name of the node (group) variable of the tree. */
    public String groupVar() {
        return var + "_g";
    }

    /** Name of the gather variable: the position of a term or child inside its group. */
    public String slotVar() {
        return var + "_t";
    }

    /** Rank of the {@code partials} temporary. */
    public int partialsRank() {
        return output.rank() + 2;
    }

    /** The tree as plain LAmbdaPACK: two loops, four kernel calls. */
    public Block lowered() {
        Expr n = sub(to, from);
        Expr f = c(fanIn);
        Expr levels = max(c(1), ceilDiv(log2Ceil(max(n, c(1))), c(Integer.numberOfTrailingZeros(fanIn))));
        Expr l = v(levelVar());
        Expr g = v(groupVar());
        Expr t = v(slotVar());
        Expr first = add(from, mul(g, f));
        List<TileRef> leafRefs = terms.stream().map(r -> substitute(r, var, add(first, t))).toList();
        List<Expr> leafSc = leafScalars.stream().map(e -> Exprs.substitute(e, var, first)).toList();
        var leafGather = Optional.of(new Gather(slotVar(), c(0), min(f, sub(n, mul(g, f))), leafRefs));
        Stmt leaves = new For(groupVar(), c(0), ceilDiv(n, f), c(1), new Block(List.of(
                guard(and(eq(levels, c(1)), eq(g, c(0))),
                        new KernelCall(leafKernel, List.of(output), leafInputs, leafSc, priority, leafGather)),
                guard(gt(levels, c(1)),
                        new KernelCall(leafKernel, List.of(partial(c(0), g)), leafInputs, leafSc, priority, leafGather)))));
        Expr children = ceilDiv(n, pow(f, l));
        var combineGather = Optional.of(new Gather(slotVar(), c(0), min(f, sub(children, mul(g, f))),
                List.of(partial(sub(l, c(1)), add(mul(g, f), t)))));
        Stmt tree = new For(levelVar(), c(1), levels, c(1), new Block(List.of(
                new For(groupVar(), c(0), ceilDiv(n, pow(f, add(l, c(1)))), c(1), new Block(List.of(
                        guard(and(eq(l, sub(levels, c(1))), eq(g, c(0))),
                                new KernelCall(combineKernel, List.of(output), List.of(), combineScalars, priority, combineGather)),
                        guard(lt(l, sub(levels, c(1))),
                                new KernelCall(combineKernel, List.of(partial(l, g)), List.of(), combineScalars, priority, combineGather))))))));
        return new Block(List.of(leaves, tree));
    }

    private TileRef partial(Expr level, Expr group) {
        var idx = new ArrayList<Expr>();
        idx.add(level);
        idx.add(group);
        idx.addAll(output.indices());
        return new TileRef(partials, idx);
    }

    private static If guard(Expr condition, Stmt body) {
        return new If(condition, new Block(List.of(body)), new Block(List.of()));
    }

    private static TileRef substitute(TileRef r, String name, Expr value) {
        return new TileRef(r.matrix(), r.indices().stream().map(e -> Exprs.substitute(e, name, value)).toList());
    }

    @Override
    public List<Stmt> children() {
        return List.of(lowered());
    }

    @Override
    public String toString() {
        return ProgramPrinter.print(this);
    }
}
