package org.wren4j.planner.library;

import static java.util.Objects.requireNonNull;

/**
 * The contract of a tile kernel: its name as programs call it, how many tiles it reads and
 * writes, how many scalars it takes, and its exact semantics. Executors implement kernels by
 * name; a program may only call kernels of the {@link KernelSpecs} catalogue. A kernel with
 * {@code inputs == VARIADIC} reads a variable number of tiles (a gathered group, see
 * {@code Gather}); its semantics say how they are grouped.
 */
public record KernelSpec(String name, int inputs, int outputs, int scalars, String semantics) {
    /** {@link #inputs} of a kernel that reads a variable number of tiles. */
    public static final int VARIADIC = -1;

    public KernelSpec {
        requireNonNull(name, "name is null");
        requireNonNull(semantics, "semantics is null");
        if (inputs < VARIADIC || outputs < 1 || scalars < VARIADIC) {
            throw new IllegalArgumentException("bad arity for kernel " + name);
        }
    }

    public boolean variadic() {
        return inputs == VARIADIC;
    }

    /** Whether the kernel takes a variable number of scalars (e.g. an encoded element-wise program). */
    public boolean variadicScalars() {
        return scalars == VARIADIC;
    }

    @Override
    public String toString() {
        return name + " (" + (variadic() ? "n" : Integer.toString(inputs)) + " in, " + outputs + " out, " + scalars + " scalars): " + semantics;
    }
}
