package org.wren4j.planner.expr;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.wren4j.planner.lambdapack.Program;

/**
 * One program invocation of a lowered expression: the program, its grid parameters, which
 * stored matrix each program input is, and the program matrix that holds the result.
 */
public record ProgramCall(String operation, Program program, Map<String, Long> args, Map<String, Leaf> inputs,
                          String output, Shape shape, int blockSize, boolean lowerTriangular) {
    public ProgramCall {
        requireNonNull(operation, "operation is null");
        requireNonNull(program, "program is null");
        args = Map.copyOf(args);
        inputs = Map.copyOf(inputs);
        requireNonNull(output, "output is null");
        requireNonNull(shape, "shape is null");
    }
}
