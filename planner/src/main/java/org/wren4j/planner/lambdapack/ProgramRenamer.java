package org.wren4j.planner.lambdapack;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Renames variables and matrices throughout a statement tree (reductions are lowered to plain
 * loops first), e.g. to put several programs side by side in one program without clashes.
 */
public final class ProgramRenamer {
    private final UnaryOperator<String> vars;
    private final UnaryOperator<String> matrices;

    public ProgramRenamer(UnaryOperator<String> vars, UnaryOperator<String> matrices) {
        this.vars = vars;
        this.matrices = matrices;
    }

    public Stmt rename(Stmt s) {
        if (s instanceof KernelCall k) {
            return new KernelCall(k.kernel(), refs(k.outputs()), refs(k.inputs()), exprs(k.scalars()), expr(k.priority()),
                    k.gather().map(this::gather));
        }
        if (s instanceof Assign a) {
            return new Assign(vars.apply(a.var()), expr(a.value()));
        }
        if (s instanceof Block b) {
            return block(b);
        }
        if (s instanceof If f) {
            return new If(expr(f.condition()), block(f.then()), block(f.orElse()));
        }
        if (s instanceof For f) {
            return new For(vars.apply(f.var()), expr(f.from()), expr(f.to()), expr(f.step()), block(f.body()));
        }
        if (s instanceof Reduce r) {
            return rename(r.lowered());
        }
        throw new IllegalArgumentException("unknown statement " + s);
    }

    public Block block(Block b) {
        return new Block(b.body().stream().map(this::rename).toList());
    }

    public Expr expr(Expr e) {
        if (e instanceof Ref r) {
            return new Ref(vars.apply(r.name()));
        }
        if (e instanceof BinOp b) {
            return new BinOp(b.op(), expr(b.left()), expr(b.right()));
        }
        if (e instanceof UnOp u) {
            return new UnOp(u.op(), expr(u.arg()));
        }
        if (e instanceof CmpOp c) {
            return new CmpOp(c.op(), expr(c.left()), expr(c.right()));
        }
        return e; // constants
    }

    private List<Expr> exprs(List<Expr> es) {
        return es.stream().map(this::expr).toList();
    }

    private TileRef ref(TileRef r) {
        return new TileRef(matrices.apply(r.matrix()), exprs(r.indices()));
    }

    private List<TileRef> refs(List<TileRef> rs) {
        return rs.stream().map(this::ref).toList();
    }

    private Gather gather(Gather g) {
        return new Gather(vars.apply(g.var()), expr(g.from()), expr(g.to()), refs(g.refs()));
    }

    /** Renames a declaration; its initial matrix too. */
    public MatrixDecl decl(MatrixDecl m) {
        return new MatrixDecl(matrices.apply(m.name()), m.role(), m.rank(), m.initialFrom().map(matrices));
    }
}
