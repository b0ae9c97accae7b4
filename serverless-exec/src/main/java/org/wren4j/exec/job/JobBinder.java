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
import org.wren4j.planner.expr.Shape;
import org.wren4j.planner.expr.Structure;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.planner.lambdapack.Program;
import org.wren4j.planner.plan.Plan;
import org.wren4j.planner.plan.Step;
import org.wren4j.planner.plan.Value;
import org.wren4j.tiles.MatrixManifest;
import org.wren4j.tiles.StoredTiles;

/**
 * The one place a plan becomes a job: it names the job and the new stored matrix of each of the
 * program's outputs, binds every matrix of the program to the store (stored inputs by name and
 * tile layout, temporaries under {@code tmp/<job>/}), and says whether the tasks compute, only run
 * the control plane ({@link DryRun}) or model their time ({@link Simulated}).
 *
 * <p>It is also the one mapping between a stored matrix's {@link MatrixManifest} (the durable
 * record: kind label and {@link StoredTiles}) and the planner's {@link Leaf}, and it caches which
 * tiles of each stored matrix exist, by name, so later jobs read them right.
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
    private final Map<String, StoredTiles> layouts = new ConcurrentHashMap<>();

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
            String temporary = TileScope.temporaries(jobId) + m.name();
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

    /**
     * Which tiles of a stored matrix exist: as recorded when it was computed, opened or saved, else
     * one triangle for a triangular matrix and all tiles for any other.
     */
    public StoredTiles layout(Leaf leaf) {
        StoredTiles recorded = layouts.get(leaf.name());
        if (recorded != null) {
            return recorded;
        }
        return leaf.structure().triangular() ? layoutOf(leaf.structure()) : StoredTiles.ALL;
    }

    /**
     * A stored matrix as its manifest records it; later jobs read its tiles as the manifest says.
     *
     * @throws IllegalArgumentException naming the matrix if the manifest's kind is unknown or does not fit its stored tiles
     */
    public Leaf open(MatrixManifest manifest) {
        Structure kind;
        try {
            kind = Structure.fromLabel(manifest.kind());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matrix " + manifest.name() + ": " + e.getMessage() + "; was it written by a newer wren4j?", e);
        }
        if (!fits(kind, manifest.storedTiles())) {
            throw new IllegalArgumentException("matrix " + manifest.name() + " is recorded as " + kind.label() + " with stored tiles "
                    + manifest.storedTiles().label() + ", which cannot be: its manifest is inconsistent");
        }
        layouts.put(manifest.name(), manifest.storedTiles());
        return new Leaf(manifest.name(), new Shape(manifest.rows(), manifest.cols()), manifest.blockRows(), kind);
    }

    /**
     * The manifest of {@code leaf}'s tiles stored under {@code name}: its kind, and its tiles as laid
     * out now. A kind that cannot have those tiles (a handle that forgot a matrix is symmetric)
     * is recorded as the kind the tiles imply.
     */
    public MatrixManifest manifest(String name, Leaf leaf) {
        StoredTiles tiles = layout(leaf);
        Structure kind = fits(leaf.structure(), tiles) ? leaf.structure() : kindOf(tiles);
        return MatrixManifest.of(name, leaf.shape().rows(), leaf.shape().cols(), leaf.blockSize(), leaf.blockSize())
                .withStructure(kind.label(), tiles);
    }

    /** What a matrix stored as {@code tiles} is known to be when nothing more is known. */
    static Structure kindOf(StoredTiles tiles) {
        return switch (tiles) {
            case LOWER_TRIANGLE -> Structure.LOWER;
            case UPPER_TRIANGLE -> Structure.UPPER;
            case LOWER_MIRRORED -> Structure.SYMMETRIC;
            case ALL -> Structure.GENERAL;
        };
    }

    /** Forgets a deleted matrix. */
    public void forget(String matrix) {
        layouts.remove(matrix);
    }

    /** The tiles a result of this structure stores: one triangle for triangular and symmetric ones. */
    public static StoredTiles layoutOf(Structure s) {
        return switch (s) {
            case GENERAL -> StoredTiles.ALL;
            case LOWER -> StoredTiles.LOWER_TRIANGLE;
            case UPPER -> StoredTiles.UPPER_TRIANGLE;
            case SYMMETRIC, PSD, SPD -> StoredTiles.LOWER_MIRRORED;
        };
    }

    /** Whether a matrix of this kind can be stored as {@code tiles}: all of them, or the ones its results keep. */
    private static boolean fits(Structure kind, StoredTiles tiles) {
        return tiles == StoredTiles.ALL || tiles == layoutOf(kind);
    }

    private static MatrixBinding binding(String store, Value v, StoredTiles layout) {
        var shape = v.shape().orElseThrow();
        return new MatrixBinding(store, shape.rows(), shape.cols(), v.blockSize(), layout);
    }
}
