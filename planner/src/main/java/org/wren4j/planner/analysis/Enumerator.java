package org.wren4j.planner.analysis;

import java.util.List;
import java.util.function.Consumer;

/** Walks a statement's iteration space: all of it, only its starting tasks, or just a count. */
final class Enumerator {
    private Enumerator() {
    }

    /** Whether some task writes {@code matrix[indices]}. */
    interface WriterCheck {
        boolean hasWriter(String matrix, long[] indices);
    }

    static void all(CompiledStatement s, Consumer<long[]> sink) {
        walk(s, 0, new long[s.depth()], null, 0L, sink);
    }

    /**
     * Tasks of {@code s} none of whose inputs has a writer. An input is checked as soon as the
     * loops it depends on are bound, and a produced input prunes the whole subtree below, so
     * the walk visits the starting tasks plus one frontier level, not the iteration space.
     */
    static void starting(CompiledStatement s, WriterCheck check, Consumer<long[]> sink) {
        starting(s, check, 0L, sink);
    }

    /** As above, but the loops in {@code fixed} only take their first value. */
    static void starting(CompiledStatement s, WriterCheck check, long fixed, Consumer<long[]> sink) {
        long[] env = new long[s.depth()];
        if (producedAt(s, 0, env, check)) {
            return;
        }
        walk(s, 0, env, check, fixed, sink);
    }

    private static void walk(CompiledStatement s, int at, long[] env, WriterCheck check, long fixed, Consumer<long[]> sink) {
        List<CompiledStatement.Scope> scopes = s.scopes();
        if (at == scopes.size()) {
            if (check == null || !gatheredProduced(s, env, check)) {
                sink.accept(env.clone());
            }
            return;
        }
        CompiledStatement.Scope scope = scopes.get(at);
        if (scope instanceof CompiledStatement.Guard g) {
            if (g.condition().eval(env) != 0 && (check == null || !producedAt(s, at + 1, env, check))) {
                walk(s, at + 1, env, check, fixed, sink);
            }
            return;
        }
        var loop = (CompiledStatement.Loop) scope;
        long to = loop.to().eval(env);
        long step = loop.step().eval(env);
        if ((fixed & (1L << loop.slot())) != 0) {
            to = Math.min(to, loop.from().eval(env) + 1);
        }
        for (long v = loop.from().eval(env); v < to; v += step) {
            env[loop.slot()] = v;
            if (check == null || !producedAt(s, at + 1, env, check)) {
                walk(s, at + 1, env, check, fixed, sink);
            }
        }
    }

    private static boolean gatheredProduced(CompiledStatement s, long[] env, WriterCheck check) {
        for (ConcreteTile t : s.gatheredTiles(env)) {
            if (check.hasWriter(t.matrix(), t.indices())) {
                return true;
            }
        }
        return false;
    }

    private static boolean producedAt(CompiledStatement s, int depth, long[] env, WriterCheck check) {
        for (CompiledStatement.CompiledRef in : s.inputs()) {
            if (in.readyDepth() == depth && check.hasWriter(in.matrix(), in.eval(env))) {
                return true;
            }
        }
        return false;
    }
}
