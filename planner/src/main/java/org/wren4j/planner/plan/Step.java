package org.wren4j.planner.plan;

import java.util.Map;
import org.wren4j.planner.lambdapack.Program;

/** One program call of a plan before fusion: what it computes, the program, its arguments and matrices. */
public record Step(String operation, Program program, Map<String, Long> args, Map<String, String> matrices) {
    public Step {
        args = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(args));
        matrices = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(matrices));
    }
}
