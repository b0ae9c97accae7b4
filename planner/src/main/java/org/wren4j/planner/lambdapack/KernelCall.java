package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code outputs = kernel(inputs; scalars)}: one task per iteration of the enclosing loops.
 * {@code priority} orders ready tasks (lower runs first), e.g. to keep the critical path busy.
 */
public record KernelCall(String kernel, List<TileRef> outputs, List<TileRef> inputs, List<Expr> scalars, Expr priority)
        implements Stmt {
    public KernelCall {
        requireNonNull(kernel, "kernel is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        scalars = List.copyOf(requireNonNull(scalars, "scalars is null"));
        requireNonNull(priority, "priority is null");
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("kernel call " + kernel + " writes no tile");
        }
    }

    @Override
    public List<Stmt> children() {
        return List.of();
    }

    @Override
    public String toString() {
        String outs = outputs.stream().map(TileRef::toString).collect(Collectors.joining(", "));
        String args = inputs.stream().map(TileRef::toString).collect(Collectors.joining(", "));
        if (!scalars.isEmpty()) {
            args += (args.isEmpty() ? "" : "; ") + scalars.stream().map(Expr::toString).collect(Collectors.joining(", "));
        }
        return outs + " = " + kernel + "(" + args + ")";
    }
}
