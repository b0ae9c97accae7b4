package org.wren4j.planner.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wren4j.planner.lambdapack.Assign;
import org.wren4j.planner.lambdapack.Block;
import org.wren4j.planner.lambdapack.Expr;
import org.wren4j.planner.lambdapack.For;
import org.wren4j.planner.lambdapack.If;
import org.wren4j.planner.lambdapack.FloatConst;
import org.wren4j.planner.lambdapack.KernelCall;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.lambdapack.Stmt;
import org.wren4j.planner.lambdapack.TileRef;

/** Flattens a program, with its parameters bound, into {@link CompiledStatement}s. */
final class StatementCompiler {
    private final List<CompiledStatement> out = new ArrayList<>();
    private final List<String> loopVars = new ArrayList<>();
    private final List<CompiledStatement.Scope> scopes = new ArrayList<>();
    private final Map<String, Integer> slots = new HashMap<>();
    private Map<String, Ix> lets = new HashMap<>();

    static List<CompiledStatement> compile(Program program, Map<String, Long> args) {
        var c = new StatementCompiler();
        for (String p : program.params()) {
            Long value = args.get(p);
            if (value == null) {
                throw new IllegalArgumentException("program " + program.name() + " needs parameter " + p + ", got " + args.keySet());
            }
            c.lets.put(p, new Ix.Const(value));
        }
        for (String a : args.keySet()) {
            if (!program.params().contains(a)) {
                throw new IllegalArgumentException("program " + program.name() + " has no parameter " + a + " (parameters: " + program.params() + ")");
            }
        }
        c.stmt(program.body());
        return List.copyOf(c.out);
    }

    private Ix ix(Expr e) {
        return Ix.compile(e, slots, lets);
    }

    private void stmt(Stmt s) {
        if (s instanceof KernelCall k) {
            kernel(k);
        } else if (s instanceof Assign a) {
            lets.put(a.var(), ix(a.value()));
        } else if (s instanceof Block b) {
            Map<String, Ix> saved = new HashMap<>(lets);
            b.body().forEach(this::stmt);
            lets = saved;
        } else if (s instanceof If f) {
            Ix cond = ix(f.condition());
            guarded(cond, f.then());
            guarded(new Ix.Un(org.wren4j.planner.lambdapack.UnOp.Op.NOT, cond), f.orElse());
        } else if (s instanceof org.wren4j.planner.lambdapack.Reduce r) {
            stmt(r.lowered());
        } else if (s instanceof For f) {
            int slot = loopVars.size();
            if (slot >= 62) {
                throw new IllegalArgumentException("loops nested deeper than 63");
            }
            var loop = new CompiledStatement.Loop(slot, ix(f.from()), ix(f.to()), ix(f.step()));
            loopVars.add(f.var());
            slots.put(f.var(), slot);
            scopes.add(loop);
            stmt(f.body());
            scopes.remove(scopes.size() - 1);
            slots.remove(f.var());
            loopVars.remove(slot);
        }
    }

    private void guarded(Ix cond, Block body) {
        if (body.body().isEmpty()) {
            return;
        }
        if (cond instanceof Ix.Const c && c.value() != 0) {
            stmt(body);
            return;
        }
        // a statically false guard stays: its statements keep their ids but have no tasks
        scopes.add(new CompiledStatement.Guard(cond));
        stmt(body);
        scopes.remove(scopes.size() - 1);
    }

    private void kernel(KernelCall k) {
        int id = out.size();
        CompiledStatement.Loop gatherLoop = null;
        List<CompiledStatement.CompiledRef> gathered = List.of();
        if (k.gather().isPresent()) {
            var g = k.gather().get();
            int slot = loopVars.size();
            gatherLoop = new CompiledStatement.Loop(slot, ix(g.from()), ix(g.to()), new Ix.Const(1));
            slots.put(g.var(), slot);
            gathered = refs(g.refs(), true);
            slots.remove(g.var());
        }
        out.add(new CompiledStatement(id, k, List.copyOf(loopVars), List.copyOf(scopes),
                refs(k.inputs(), false), refs(k.outputs(), false),
                k.scalars().stream().map(this::scalar).toList(),
                ix(k.priority()), gatherLoop, gathered, null));
    }

    private List<CompiledStatement.CompiledRef> refs(List<TileRef> refs, boolean gathered) {
        var list = new ArrayList<CompiledStatement.CompiledRef>();
        for (TileRef r : refs) {
            Ix[] idx = r.indices().stream().map(this::ix).toArray(Ix[]::new);
            long used = 0;
            for (Ix i : idx) {
                used |= i.slots();
            }
            list.add(new CompiledStatement.CompiledRef(r.matrix(), idx, gathered ? scopes.size() + 1 : readyDepth(used), gathered));
        }
        return list;
    }

    /** The number of scopes after which all slots in {@code used} are bound. */
    private int readyDepth(long used) {
        int depth = 0;
        for (int i = 0; i < scopes.size(); i++) {
            if (scopes.get(i) instanceof CompiledStatement.Loop l && (used & (1L << l.slot())) != 0) {
                depth = i + 1;
            }
        }
        return depth;
    }

    private java.util.function.ToDoubleFunction<long[]> scalar(Expr e) {
        if (e instanceof FloatConst f) {
            double v = f.value();
            return env -> v;
        }
        Ix i = ix(e);
        return i::eval;
    }
}
