package org.wren4j.planner.lambdapack;

import java.util.stream.Collectors;

/** Renders programs the way the paper lists them: indented, one statement per line. */
public final class ProgramPrinter {
    private ProgramPrinter() {
    }

    public static String print(Program program) {
        var sb = new StringBuilder();
        sb.append("program ").append(program.name()).append("(").append(String.join(", ", program.params())).append(")").append('\n');
        for (MatrixDecl m : program.matrices()) {
            sb.append("  ").append(m).append('\n');
        }
        int[] id = {0};
        for (Stmt s : program.body().body()) {
            print(s, 1, sb, id);
        }
        return sb.toString();
    }

    public static String print(Stmt stmt) {
        var sb = new StringBuilder();
        print(stmt, 0, sb, new int[] {-1});
        return sb.toString();
    }

    private static void print(Stmt s, int depth, StringBuilder sb, int[] id) {
        String pad = "  ".repeat(depth);
        if (s instanceof KernelCall k) {
            sb.append(pad).append(k);
            if (id[0] >= 0) {
                sb.append("    # s").append(id[0]++);
            }
            if (!(k.priority() instanceof IntConst ic && ic.value() == 0)) {
                sb.append(id[0] >= 0 ? ", " : "    # ").append("priority ").append(k.priority());
            }
            sb.append('\n');
        } else if (s instanceof Reduce r) {
            int first = id[0];
            int calls = 4;
            sb.append(pad).append("reduce ").append(r.var()).append(" in ").append(r.from()).append("..").append(r.to())
                    .append(" fanin ").append(r.fanIn()).append(" into ").append(r.output()).append(" via ").append(r.partials()).append(':');
            if (first >= 0) {
                sb.append("    # s").append(first).append("..s").append(first + calls - 1);
                id[0] += calls;
            }
            if (!(r.priority() instanceof IntConst ic && ic.value() == 0)) {
                sb.append(first >= 0 ? ", " : "    # ").append("priority ").append(r.priority());
            }
            sb.append('\n');
            sb.append(pad).append("  leaf ").append(r.leafKernel()).append('(');
            for (TileRef in : r.leafInputs()) {
                sb.append(in).append(", ");
            }
            sb.append(r.terms().stream().map(TileRef::toString).collect(Collectors.joining(", ")));
            if (!r.leafScalars().isEmpty()) {
                sb.append("; ").append(r.leafScalars().stream().map(Expr::toString).collect(Collectors.joining(", ")));
            }
            sb.append(")\n");
            sb.append(pad).append("  combine ").append(r.combineKernel());
            if (!r.combineScalars().isEmpty()) {
                sb.append('(').append(r.combineScalars().stream().map(Expr::toString).collect(Collectors.joining(", "))).append(')');
            }
            sb.append('\n');
        } else if (s instanceof Assign a) {
            sb.append(pad).append(a).append('\n');
        } else if (s instanceof Block b) {
            b.body().forEach(c -> print(c, depth, sb, id));
        } else if (s instanceof If f) {
            sb.append(pad).append("if ").append(f.condition()).append(":\n");
            print(f.then(), depth + 1, sb, id);
            if (!f.orElse().body().isEmpty()) {
                sb.append(pad).append("else:\n");
                print(f.orElse(), depth + 1, sb, id);
            }
        } else if (s instanceof For f) {
            sb.append(pad).append("for ").append(f.var()).append(" in ").append(f.from()).append("..").append(f.to());
            if (!(f.step() instanceof IntConst ic && ic.value() == 1)) {
                sb.append(" step ").append(f.step());
            }
            sb.append(":\n");
            print(f.body(), depth + 1, sb, id);
        }
    }

    static String joinIndices(java.util.List<Expr> indices) {
        return indices.stream().map(Expr::toString).collect(Collectors.joining(", "));
    }
}
