package org.wren4j.planner.analysis;

import java.util.List;
import org.wren4j.planner.lambdapack.KernelCall;

/**
 * A kernel call with its context flattened: the enclosing loops and guards, outermost first,
 * with assignments inlined and parameters folded. Slot {@code i} of the environment holds the
 * value of the {@code i}-th enclosing loop variable.
 */
record CompiledStatement(int id, KernelCall call, List<String> loopVars, List<Scope> scopes,
                         List<CompiledRef> inputs, List<CompiledRef> outputs, List<java.util.function.ToDoubleFunction<long[]>> scalars, Ix priority,
                         Loop gather, List<CompiledRef> gathered, List<Scope> gatherScopes) {

    /**
     * {@code gather} (or null) is the loop of the gathered inputs, at slot {@link #depth()};
     * {@code gatherScopes} are the scopes followed by that loop, for solving a gathered ref.
     */
    CompiledStatement {
        gatherScopes = gather == null ? scopes : append(scopes, gather);
    }

    private static List<Scope> append(List<Scope> scopes, Scope last) {
        var out = new java.util.ArrayList<>(scopes);
        out.add(last);
        return List.copyOf(out);
    }

    /** The scopes to solve {@code ref} in: a gathered ref also binds the gather slot. */
    List<Scope> scopesFor(CompiledRef ref) {
        return ref.gathered() ? gatherScopes : scopes;
    }

    /** A loop or a guard of a statement's context. */
    sealed interface Scope permits Loop, Guard {
    }

    /** Loop over {@code slot} in {@code [from, to)} by {@code step}. */
    record Loop(int slot, Ix from, Ix to, Ix step) implements Scope {
    }

    /** A condition on the loop variables bound so far. */
    record Guard(Ix condition) implements Scope {
    }

    /**
     * A tile reference: matrix and compiled indices. {@code readyDepth} is the number of
     * scopes after which every slot the indices use is bound.
     */
    record CompiledRef(String matrix, Ix[] indices, int readyDepth, boolean gathered) {
        long[] eval(long[] env) {
            long[] out = new long[indices.length];
            for (int d = 0; d < indices.length; d++) {
                out[d] = indices[d].eval(env);
            }
            return out;
        }
    }

    /** Tiles of the gathered inputs at loop values {@code loop}, in kernel argument order. */
    List<ConcreteTile> gatheredTiles(long[] loop) {
        if (gather == null) {
            return List.of();
        }
        long[] env = java.util.Arrays.copyOf(loop, loop.length + 1);
        long to = gather.to().eval(env);
        var out = new java.util.ArrayList<ConcreteTile>();
        for (long t = gather.from().eval(env); t < to; t++) {
            env[gather.slot()] = t;
            for (CompiledRef r : gathered) {
                out.add(new ConcreteTile(r.matrix(), r.eval(env)));
            }
        }
        return out;
    }

    int depth() {
        return loopVars.size();
    }
}
