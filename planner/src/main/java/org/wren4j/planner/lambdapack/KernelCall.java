package org.wren4j.planner.lambdapack;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code outputs = kernel(inputs, gather; scalars)}: one task per iteration of the enclosing
 * loops. The kernel reads {@code inputs} in order, then the tiles of {@code gather}, if any.
 * {@code priority} orders ready tasks (lower runs first), e.g. to keep the critical path busy.
 */
public record KernelCall(String kernel, List<TileRef> outputs, List<TileRef> inputs, List<Expr> scalars, Expr priority,
                         Optional<Gather> gather) implements Stmt {
    public KernelCall {
        requireNonNull(kernel, "kernel is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        scalars = List.copyOf(requireNonNull(scalars, "scalars is null"));
        requireNonNull(priority, "priority is null");
        requireNonNull(gather, "gather is null");
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("kernel call " + kernel + " writes no tile");
        }
    }

    /** A call with a fixed list of inputs. */
    public KernelCall(String kernel, List<TileRef> outputs, List<TileRef> inputs, List<Expr> scalars, Expr priority) {
        this(kernel, outputs, inputs, scalars, priority, Optional.empty());
    }

    public KernelCall withPriority(Expr newPriority) {
        return new KernelCall(kernel, outputs, inputs, scalars, newPriority, gather);
    }

    @Override
    public List<Stmt> children() {
        return List.of();
    }

    @Override
    public String toString() {
        String outs = outputs.stream().map(TileRef::toString).collect(Collectors.joining(", "));
        String args = inputs.stream().map(TileRef::toString).collect(Collectors.joining(", "));
        if (gather.isPresent()) {
            args += (args.isEmpty() ? "" : ", ") + gather.get();
        }
        if (!scalars.isEmpty()) {
            args += (args.isEmpty() ? "" : "; ") + scalars.stream().map(Expr::toString).collect(Collectors.joining(", "));
        }
        return outs + " = " + kernel + "(" + args + ")";
    }
}
