package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.plan.Plan;
import org.wren4j.planner.plan.Step;
import org.wren4j.planner.plan.Value;

/**
 * The one place a plan becomes a job: it names the job and the new stored matrix of each of the
 * program's outputs, binds every matrix of the program to the store (stored inputs by name and
 * tile layout, temporaries under {@code tmp/<job>/}), and says whether the tasks compute, only run
 * the control plane ({@link DryRun}) or model their time ({@link Simulated}). It also remembers how
 * the tiles of each stored matrix are laid out, so later jobs read them right.
 */
public final class JobBinder {
    /** What the job's tasks do. */
    public sealed interface Mode permits Compute, DryRun, Simulated {
    }

    /** Read tiles, run kernels, write tiles. */
    public record Compute() implements Mode {
    }

    /** The control plane only: leases, completions, children; no tile, no kernel. */
    public record DryRun() implements Mode {
    }

    /** As a dry run, each task holding its worker for its kernel's textbook flops / {@code gflops}. */
    public record Simulated(double gflops) implements Mode {
        public Simulated {
            if (!(gflops > 0) || Double.isInfinite(gflops)) {
                throw new IllegalArgumentException("simulated GFLOP/s must be positive, got " + gflops);
            }
        }
    }

    public static final Mode COMPUTE = new Compute();
    public static final Mode DRY_RUN = new DryRun();

    /**
     * A job ready to submit, and the new stored matrix of each OUTPUT of its program (by program
     * matrix name, in the order of the plan's roots).
     */
    public record BoundJob(JobSpec spec, Map<String, Leaf> outputs) {
        public BoundJob {
            requireNonNull(spec, "spec is null");
            outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        }
    }

    private final Supplier<String> names;
    private final Map<String, Structure> layouts = new ConcurrentHashMap<>();

    /** @param names fresh names for jobs and stored matrices ({@code /} allowed, never reused) */
    public JobBinder(Supplier<String> names) {
        this.names = requireNonNull(names, "names is null");
    }

    /**
     * Binds a plan that has a program.
     *
     * @throws IllegalArgumentException if the plan computes nothing (every root is stored already)
     */
    public BoundJob bind(Plan plan, Mode mode) {
        requireNonNull(mode, "mode is null");
        Program program = plan.program().orElseThrow(() -> new IllegalArgumentException("the plan computes nothing: every root is stored"));
        String jobId = names.get().replace('/', '-') + "-job";
        Map<String, Leaf> outputs = new LinkedHashMap<>();
        List<String> roots = plan.outputs();
        for (int i = 0; i < roots.size(); i++) {
            if (plan.stored(i).isEmpty()) {
                outputs.computeIfAbsent(roots.get(i), name -> {
                    Value v = plan.values().get(name);
                    return new Leaf(names.get(), v.shape().orElseThrow(), v.blockSize(), v.structure());
                });
            }
        }
        Map<String, MatrixBinding> bindings = new HashMap<>();
        for (MatrixDecl m : program.matrices()) {
            Value v = plan.values().get(m.name());
            String temporary = "tmp/" + jobId + "/" + m.name();
            if (v == null) {
                bindings.put(m.name(), MatrixBinding.temporary(temporary));
            } else if (v.leaf().isPresent()) {
                bindings.put(m.name(), binding(v.leaf().get().name(), v, layout(v.leaf().get())));
            } else if (v.role() == MatrixDecl.Role.OUTPUT) {
                bindings.put(m.name(), binding(outputs.get(m.name()).name(), v, layoutOf(v.structure())));
            } else if (v.shape().isPresent()) {
                bindings.put(m.name(), binding(temporary, v, layoutOf(v.structure())));
            } else {
                bindings.put(m.name(), MatrixBinding.temporary(temporary));
            }
        }
        String operation = String.join(" + ", plan.steps().stream().map(Step::operation).toList());
        JobSpec spec = new JobSpec(jobId, operation, program, plan.args(), bindings);
        if (mode instanceof DryRun) {
            spec = spec.asDryRun();
        } else if (mode instanceof Simulated s) {
            spec = spec.asSimulated(s.gflops());
        }
        return new BoundJob(spec, outputs);
    }

    /** The outputs of a job that succeeded are stored: later jobs read them with their layouts. */
    public void stored(BoundJob job) {
        for (Leaf out : job.outputs().values()) {
            layouts.put(out.name(), layoutOf(out.structure()));
        }
    }

    /** How tiles of a stored matrix are laid out: as recorded when it was computed or opened, else all stored. */
    public Structure layout(Leaf leaf) {
        Structure recorded = layouts.get(leaf.name());
        if (recorded != null) {
            return recorded;
        }
        return switch (leaf.structure()) {
            case LOWER -> Structure.LOWER;
            case UPPER -> Structure.UPPER;
            default -> Structure.GENERAL;
        };
    }

    /** Records how the tiles of a matrix are laid out (e.g. as its manifest says when opened by name). */
    public void recordLayout(String matrix, Structure layout) {
        layouts.put(requireNonNull(matrix, "matrix is null"), requireNonNull(layout, "layout is null"));
    }

    /** Forgets a deleted matrix. */
    public void forget(String matrix) {
        layouts.remove(matrix);
    }

    /** The tiles a result of this structure stores: one triangle for triangular and symmetric ones. */
    public static Structure layoutOf(org.wren4j.planner.expr.Structure s) {
        return switch (s) {
            case GENERAL -> Structure.GENERAL;
            case LOWER -> Structure.LOWER;
            case UPPER -> Structure.UPPER;
            case SYMMETRIC, PSD, SPD -> Structure.SYMMETRIC;
        };
    }

    private static MatrixBinding binding(String store, Value v, Structure layout) {
        var shape = v.shape().orElseThrow();
        return new MatrixBinding(store, shape.rows(), shape.cols(), v.blockSize(), layout);
    }
}
