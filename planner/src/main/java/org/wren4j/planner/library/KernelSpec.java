package org.wren4j.planner.library;

import static java.util.Objects.requireNonNull;

/**
 * The contract of a tile kernel: its name as programs call it, how many tiles it reads and
 * writes, how many scalars it takes, and its exact semantics. Executors implement kernels by
 * name; a program may only call kernels of the {@link KernelSpecs} catalogue. A kernel with
 * {@code inputs == VARIADIC} reads a variable number of tiles (a gathered group, see
 * {@code Gather}); its semantics say how they are grouped.
 */
public record KernelSpec(String name, int inputs, int outputs, int scalars, String semantics, NonFinite nonFinite) {
    /** {@link #inputs} of a kernel that reads a variable number of tiles. */
    public static final int VARIADIC = -1;

    /**
     * What an executor does when a kernel's results hold NaN or an infinity. Element-wise work,
     * products and norms propagate them as IEEE arithmetic and numpy do; factorizations and
     * solves refuse them, because there a non-finite value means a wrong answer (a NaN pivot, an
     * overflow) and every later step would pass it on quietly.
     */
    public enum NonFinite {
        /** Results may hold NaN and infinities, as IEEE arithmetic gives them. */
        PROPAGATE,
        /** A result holding NaN or an infinity fails the task as the input's fault. */
        REFUSE
    }

    public KernelSpec {
        requireNonNull(name, "name is null");
        requireNonNull(semantics, "semantics is null");
        requireNonNull(nonFinite, "nonFinite is null");
        if (inputs < VARIADIC || outputs < 1 || scalars < VARIADIC) {
            throw new IllegalArgumentException("bad arity for kernel " + name);
        }
    }

    /** A kernel whose results propagate non-finite values. */
    public KernelSpec(String name, int inputs, int outputs, int scalars, String semantics) {
        this(name, inputs, outputs, scalars, semantics, NonFinite.PROPAGATE);
    }

    /** Whether an executor must refuse a result of this kernel that holds NaN or an infinity. */
    public boolean refusesNonFinite() {
        return nonFinite == NonFinite.REFUSE;
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
        return name + " (" + (variadic() ? "n" : Integer.toString(inputs)) + " in, " + outputs + " out, " + scalars + " scalars"
                + (refusesNonFinite() ? ", finite results only" : "") + "): " + semantics;
    }
}
