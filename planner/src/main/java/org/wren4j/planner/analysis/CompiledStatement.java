package org.wren4j.planner.analysis;

import java.util.List;
import org.wren4j.planner.lambdapack.KernelCall;

/**
 * A kernel call with its context flattened: the enclosing loops and guards, outermost first,
 * with assignments inlined and parameters folded. Slot {@code i} of the environment holds the
 * value of the {@code i}-th enclosing loop variable.
 */
record CompiledStatement(int id, KernelCall call, List<String> loopVars, List<Scope> scopes,
                         List<CompiledRef> inputs, List<CompiledRef> outputs, List<java.util.function.ToDoubleFunction<long[]>> scalars, Ix priority) {

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
    record CompiledRef(String matrix, Ix[] indices, int readyDepth) {
        long[] eval(long[] env) {
            long[] out = new long[indices.length];
            for (int d = 0; d < indices.length; d++) {
                out[d] = indices[d].eval(env);
            }
            return out;
        }
    }

    int depth() {
        return loopVars.size();
    }
}
