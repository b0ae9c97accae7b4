package org.wren4j.planner.interp;

import java.util.ArrayList;
import java.util.List;
import org.wren4j.planner.lambdapack.Block;
import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.For;
import org.wren4j.planner.lambdapack.Gather;
import org.wren4j.planner.lambdapack.If;
import org.wren4j.planner.lambdapack.KernelCall;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.Reduce;
import org.wren4j.planner.lambdapack.Stmt;
import org.wren4j.planner.lambdapack.TileRef;

/** Programs with one input index expression off by one: {@code e} becomes {@code e + 1}. */
final class Mutants {
    private int target;
    private int seen;

    private Mutants() {
    }

    /** Every mutant of {@code p} that still passes the program's compile-time checks. */
    static List<Program> of(Program p) {
        var out = new ArrayList<Program>();
        for (int target = 0; ; target++) {
            var m = new Mutants();
            m.target = target;
            Block body = (Block) m.stmt(p.body());
            if (m.seen <= target) {
                return out;
            }
            try {
                out.add(new Program(p.name() + "_mutant" + target, p.params(), p.matrices(), body));
            } catch (IllegalArgumentException rejected) {
                // the validator already catches this one
            }
        }
    }

    private Stmt stmt(Stmt s) {
        if (s instanceof Block b) {
            return new Block(b.body().stream().map(this::stmt).toList());
        }
        if (s instanceof For f) {
            return new For(f.var(), f.from(), f.to(), f.step(), (Block) stmt(f.body()));
        }
        if (s instanceof If f) {
            return new If(f.condition(), (Block) stmt(f.then()), (Block) stmt(f.orElse()));
        }
        if (s instanceof KernelCall k) {
            List<TileRef> inputs = k.inputs().stream().map(this::ref).toList();
            var gather = k.gather().map(g -> new Gather(g.var(), g.from(), g.to(), g.refs().stream().map(this::ref).toList()));
            return new KernelCall(k.kernel(), k.outputs(), inputs, k.scalars(), k.priority(), gather);
        }
        if (s instanceof Reduce r) {
            return new Reduce(r.var(), r.from(), r.to(), r.fanIn(), r.output(), r.partials(), r.leafKernel(),
                    r.terms().stream().map(this::ref).toList(), r.leafScalars(), r.combineKernel(), r.combineScalars(), r.priority(),
                    r.leafInputs().stream().map(this::ref).toList());
        }
        return s;
    }

    private TileRef ref(TileRef r) {
        var idx = new ArrayList<Expr>();
        for (Expr e : r.indices()) {
            idx.add(seen++ == target ? Expr.add(e, Expr.c(1)) : e);
        }
        return new TileRef(r.matrix(), idx);
    }
}
