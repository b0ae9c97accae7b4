package org.wren4j.planner.library;

import static java.util.Objects.requireNonNull;

/**
 * The contract of a tile kernel: its name as programs call it, how many tiles it reads and
 * writes, how many scalars it takes, and its exact semantics. Executors implement kernels by
 * name; a program may only call kernels of the {@link KernelSpecs} catalogue.
 */
public record KernelSpec(String name, int inputs, int outputs, int scalars, String semantics) {
    public KernelSpec {
        requireNonNull(name, "name is null");
        requireNonNull(semantics, "semantics is null");
        if (inputs < 0 || outputs < 1 || scalars < 0) {
            throw new IllegalArgumentException("bad arity for kernel " + name);
        }
    }

    @Override
    public String toString() {
        return name + " (" + inputs + " in, " + outputs + " out): " + semantics;
    }
}
