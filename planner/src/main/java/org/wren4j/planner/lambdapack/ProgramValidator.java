package org.wren4j.planner.lambdapack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compile-time checks of a program; every failure names the program and the statement. */
final class ProgramValidator {
    private final String program;
    private final Map<String, MatrixDecl> matrices = new HashMap<>();
    private final Deque<Scope> scopes = new ArrayDeque<>();

    /** One enclosing construct of a statement: a loop variable, an assignment or a guard. */
    private record Scope(String var, boolean loop, Expr guard, Expr value) {
        Scope(String var, boolean loop, Expr guard) {
            this(var, loop, guard, null);
        }
    }

    private ProgramValidator(String program) {
        this.program = program;
    }

    static void validate(String program, List<String> params, List<MatrixDecl> decls, Block body) {
        var v = new ProgramValidator(program);
        Set<String> seen = new HashSet<>();
        for (String p : params) {
            new Ref(p);
            if (!seen.add(p)) {
                throw v.error("parameter " + p + " declared twice");
            }
            v.scopes.push(new Scope(p, false, null));
        }
        for (MatrixDecl m : decls) {
            if (seen.contains(m.name()) || v.matrices.put(m.name(), m) != null) {
                throw v.error("name " + m.name() + " declared twice");
            }
        }
        for (MatrixDecl m : decls) {
            if (m.initialFrom().isPresent()) {
                MatrixDecl init = v.matrices.get(m.initialFrom().get());
                // an input, or a rank-2 matrix the program writes itself (a fused program's intermediate)
                if (init == null || init.rank() != 2 || init.name().equals(m.name()) || init.initialFrom().isPresent()) {
                    throw v.error("initial matrix of " + m.name() + " must be another declared rank-2 matrix without an initial matrix: "
                            + m.initialFrom().get());
                }
            }
        }
        v.stmt(body);
    }

    private void stmt(Stmt s) {
        if (s instanceof KernelCall k) {
            kernelCall(k);
        } else if (s instanceof Assign a) {
            expr(a.value(), a);
            declare(a.var(), a);
            scopes.push(new Scope(a.var(), false, null, a.value()));
        } else if (s instanceof Block b) {
            int depth = scopes.size();
            b.body().forEach(this::stmt);
            while (scopes.size() > depth) {
                scopes.pop();
            }
        } else if (s instanceof If f) {
            expr(f.condition(), f.condition());
            scopes.push(new Scope(null, false, f.condition()));
            stmt(f.then());
            scopes.pop();
            scopes.push(new Scope(null, false, Expr.not(f.condition())));
            stmt(f.orElse());
            scopes.pop();
        } else if (s instanceof Reduce r) {
            MatrixDecl p = matrices.get(r.partials());
            if (p == null || p.role() != MatrixDecl.Role.TEMP || p.rank() != r.partialsRank()) {
                throw error("reduction over " + r.var() + " needs a temporary " + r.partials() + " of rank " + r.partialsRank()
                        + " for its partial results, got " + p);
            }
            stmt(r.lowered());
        } else if (s instanceof For f) {
            expr(f.from(), "for " + f.var());
            expr(f.to(), "for " + f.var());
            expr(f.step(), "for " + f.var());
            if (f.step() instanceof IntConst c && c.value() <= 0) {
                throw error("loop " + f.var() + " needs a positive step, got " + c.value());
            }
            declare(f.var(), "for " + f.var());
            scopes.push(new Scope(f.var(), true, null));
            stmt(f.body());
            scopes.pop();
        }
    }

    private void kernelCall(KernelCall k) {
        for (TileRef in : k.inputs()) {
            tileRef(in, k);
        }
        if (k.gather().isPresent()) {
            Gather g = k.gather().get();
            expr(g.from(), k);
            expr(g.to(), k);
            declare(g.var(), k);
            scopes.push(new Scope(g.var(), false, null));
            g.refs().forEach(r -> tileRef(r, k));
            scopes.pop();
        }
        k.scalars().forEach(e -> expr(e, k));
        expr(k.priority(), k);
        for (TileRef out : k.outputs()) {
            tileRef(out, k);
            MatrixDecl m = matrices.get(out.matrix());
            if (m.role() == MatrixDecl.Role.INPUT) {
                throw error("'" + k + "' writes input matrix " + m.name());
            }
            singleAssignment(k, out);
        }
    }

    /**
     * Each iteration must write a distinct tile: every enclosing loop variable must appear in
     * the output index, or be pinned by an enclosing guard {@code var == expr}.
     */
    private void singleAssignment(KernelCall k, TileRef out) {
        Set<String> used = new HashSet<>();
        out.indices().forEach(e -> used.addAll(e.variables()));
        Set<String> pinned = new HashSet<>();
        for (Scope sc : scopes) {
            if (sc.guard != null) {
                pinnedBy(sc.guard, pinned);
            }
        }
        // a variable assigned from loop variables stands for those loop variables
        for (Scope sc : scopes) {
            if (sc.value != null && used.contains(sc.var)) {
                used.addAll(sc.value.variables());
            }
        }
        for (Scope sc : scopes) {
            if (sc.loop && !used.contains(sc.var) && !pinned.contains(sc.var)) {
                throw error("'" + k + "' writes tile " + out + " from every iteration of loop " + sc.var
                        + ": a tile may be written once (put " + sc.var + " in the index or guard it)");
            }
        }
    }

    private static void pinnedBy(Expr guard, Set<String> pinned) {
        if (guard instanceof CmpOp c && c.op() == CmpOp.Op.EQ) {
            if (c.left() instanceof Ref r) {
                pinned.add(r.name());
            }
            if (c.right() instanceof Ref r) {
                pinned.add(r.name());
            }
        } else if (guard instanceof BinOp b && b.op() == BinOp.Op.AND) {
            pinnedBy(b.left(), pinned);
            pinnedBy(b.right(), pinned);
        }
    }

    private void tileRef(TileRef ref, Object where) {
        MatrixDecl m = matrices.get(ref.matrix());
        if (m == null) {
            throw error("'" + where + "' uses undeclared matrix " + ref.matrix());
        }
        if (m.rank() != ref.rank()) {
            throw error("'" + where + "' indexes " + ref.matrix() + " with " + ref.rank() + " indices, declared rank " + m.rank());
        }
        ref.indices().forEach(e -> expr(e, where));
    }

    private void expr(Expr e, Object where) {
        for (String var : e.variables()) {
            if (scopes.stream().noneMatch(s -> var.equals(s.var))) {
                throw error("'" + where + "' uses undefined variable " + var);
            }
        }
    }

    private void declare(String var, Object where) {
        if (matrices.containsKey(var) || scopes.stream().anyMatch(s -> var.equals(s.var))) {
            throw error("'" + where + "' redefines " + var);
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("program " + program + ": " + message);
    }
}
