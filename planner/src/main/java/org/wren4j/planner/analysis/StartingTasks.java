package org.wren4j.planner.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starting tasks (no parents) of one statement, found without walking its iteration space.
 * A statement none of whose inputs any statement writes starts entirely: its count is the
 * closed-form task count. Otherwise the pruned walk of {@link Enumerator#starting} runs with
 * the <em>transparent</em> loops fixed at their first value: a loop with constant bounds that
 * every produced input uses only as a bare index {@code [.., v, ..]} which each writer fills
 * from a loop of its own with constant bounds covering v's range and no other use. Whether
 * such an input has a writer cannot depend on v, so one value stands for all of them.
 */
final class StartingTasks {
    private final CompiledStatement s;
    private final boolean produced;
    private final long transparent;

    /**
     * {@code chained}: temporaries whose unwritten tiles come from a matrix the program writes;
     * a statement reading one is walked without the transparent-loop shortcut.
     */
    StartingTasks(CompiledStatement s, Map<String, List<CompiledStatement>> writers, java.util.Set<String> chained) {
        this.s = s;
        List<CompiledStatement.CompiledRef> inputs = new ArrayList<>(s.inputs());
        inputs.addAll(s.gathered());
        boolean readsChained = inputs.stream().anyMatch(r -> chained.contains(r.matrix()));
        inputs.removeIf(r -> !writers.containsKey(r.matrix()) && !chained.contains(r.matrix()));
        this.produced = !inputs.isEmpty();
        long t = 0;
        for (CompiledStatement.Scope sc : readsChained ? List.<CompiledStatement.Scope>of() : s.scopes()) {
            if (sc instanceof CompiledStatement.Loop l && isTransparent(l, inputs, writers)) {
                t |= 1L << l.slot();
            }
        }
        this.transparent = t;
    }

    long count(Enumerator.WriterCheck check) {
        if (!produced) {
            return Counter.count(s);
        }
        long[] total = {0};
        long factor = transparentTrips();
        Enumerator.starting(s, check, transparent, env -> total[0] += factor);
        return total[0];
    }

    void forEach(Enumerator.WriterCheck check, Consumer<long[]> sink) {
        if (!produced) {
            Enumerator.all(s, sink);
            return;
        }
        Enumerator.starting(s, check, transparent, env -> expand(env, 0, sink));
    }

    private void expand(long[] env, int at, Consumer<long[]> sink) {
        List<CompiledStatement.Scope> scopes = s.scopes();
        for (int i = at; i < scopes.size(); i++) {
            if (scopes.get(i) instanceof CompiledStatement.Loop l && (transparent & (1L << l.slot())) != 0) {
                long to = l.to().eval(env);
                for (long v = l.from().eval(env); v < to; v++) {
                    long[] e = env.clone();
                    e[l.slot()] = v;
                    expand(e, i + 1, sink);
                }
                return;
            }
        }
        sink.accept(env);
    }

    private long transparentTrips() {
        long f = 1;
        for (CompiledStatement.Scope sc : s.scopes()) {
            if (sc instanceof CompiledStatement.Loop l && (transparent & (1L << l.slot())) != 0) {
                f = Math.multiplyExact(f, Math.max(0, l.to().eval(null) - l.from().eval(null)));
            }
        }
        return f;
    }

    private boolean isTransparent(CompiledStatement.Loop l, List<CompiledStatement.CompiledRef> inputs,
                                  Map<String, List<CompiledStatement>> writers) {
        int v = l.slot();
        if (!(l.from() instanceof Ix.Const) || !(l.to() instanceof Ix.Const) || !(l.step() instanceof Ix.Const st) || st.value() != 1) {
            return false;
        }
        if (usedByScopes(s, v) || s.gather() != null && (s.gather().from().uses(v) || s.gather().to().uses(v))) {
            return false;
        }
        long lo = l.from().eval(null);
        long hi = l.to().eval(null);
        for (CompiledStatement.CompiledRef r : inputs) {
            int pos = barePosition(r.indices(), v);
            if (pos == -2) {
                return false;
            }
            if (pos == -1) {
                continue; // this input does not depend on v
            }
            for (CompiledStatement w : writers.get(r.matrix())) {
                for (CompiledStatement.CompiledRef out : w.outputs()) {
                    if (out.matrix().equals(r.matrix()) && !coversFreely(w, out, pos, lo, hi)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Position of the only index that uses slot v, if it is exactly v; -1 if none uses it; -2 otherwise. */
    private static int barePosition(Ix[] indices, int v) {
        int pos = -1;
        for (int d = 0; d < indices.length; d++) {
            if (indices[d].uses(v)) {
                if (pos != -1 || !(indices[d] instanceof Ix.Slot)) {
                    return -2;
                }
                pos = d;
            }
        }
        return pos;
    }

    /** Whether writer ref {@code out} fills index {@code pos} from a free loop of {@code w} covering [lo, hi). */
    private static boolean coversFreely(CompiledStatement w, CompiledStatement.CompiledRef out, int pos, long lo, long hi) {
        if (pos >= out.indices().length || !(out.indices()[pos] instanceof Ix.Slot u)) {
            return false;
        }
        if (barePosition(out.indices(), u.slot()) != pos || usedByScopes(w, u.slot())) {
            return false;
        }
        for (CompiledStatement.Scope sc : w.scopes()) {
            if (sc instanceof CompiledStatement.Loop wl && wl.slot() == u.slot()) {
                return wl.from() instanceof Ix.Const f && wl.to() instanceof Ix.Const t && wl.step() instanceof Ix.Const st
                        && st.value() == 1 && f.value() <= lo && t.value() >= hi;
            }
        }
        return false;
    }

    private static boolean usedByScopes(CompiledStatement s, int slot) {
        for (CompiledStatement.Scope sc : s.scopes()) {
            if (sc instanceof CompiledStatement.Loop l) {
                if (l.from().uses(slot) || l.to().uses(slot) || l.step().uses(slot)) {
                    return true;
                }
            } else if (((CompiledStatement.Guard) sc).condition().uses(slot)) {
                return true;
            }
        }
        return false;
    }
}
