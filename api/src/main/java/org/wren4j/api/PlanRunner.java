package org.wren4j.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.wren4j.exec.ExecEngine;
import org.wren4j.exec.JobResult;
import org.wren4j.exec.job.JobFailedException;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.job.Structure;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.planner.plan.Plan;
import org.wren4j.planner.plan.Planner;
import org.wren4j.planner.plan.PlanningException;
import org.wren4j.planner.plan.Step;
import org.wren4j.planner.plan.Value;
import org.wren4j.planner.rules.Rules;

/**
 * Runs expressions: plans one or several into one fused program and runs it as one job,
 * binding the program's matrices to stored inputs, job-scoped temporaries and one new result
 * matrix per output.
 */
final class PlanRunner {
    private final ExecEngine engine;
    private final Supplier<String> names;
    private final Function<String, String> userNames;
    private final JobProgress progress;
    private final Consumer<JobReport> reports;
    /** How each stored matrix's tiles are laid out (a symmetric result keeps its lower tiles only). */
    private final Map<String, Structure> layouts = new ConcurrentHashMap<>();
    private final AtomicLong jobs = new AtomicLong();

    /** @param userNames a stored matrix's name as the user knows it, for error messages */
    PlanRunner(ExecEngine engine, Supplier<String> names, Function<String, String> userNames, JobProgress progress,
               Consumer<JobReport> reports) {
        this.engine = engine;
        this.names = names;
        this.userNames = userNames;
        this.progress = progress;
        this.reports = reports;
    }

    Plan plan(MatrixExpr expr) {
        return plan(List.of(expr));
    }

    Plan plan(List<MatrixExpr> roots) {
        try {
            return Planner.plan(roots, Rules.defaults());
        } catch (PlanningException e) {
            throw new WrenException(e.getMessage(), e);
        }
    }

    /** Computes {@code expr} as one job and returns the stored result. */
    Leaf evaluate(MatrixExpr expr) {
        return evaluateAll(List.of(expr)).get(0);
    }

    /**
     * Computes every root in ONE job and returns each stored result, in order: a root that is a
     * stored matrix is returned as it is, equal roots get the same result.
     */
    List<Leaf> evaluateAll(List<MatrixExpr> roots) {
        Plan plan = plan(roots);
        List<Leaf> results = new ArrayList<>();
        if (plan.program().isEmpty()) {
            for (int i = 0; i < roots.size(); i++) {
                results.add(plan.stored(i).orElseThrow());
            }
            return results;
        }
        String jobId = names.get().replace('/', '-') + "-job";
        // one new stored matrix per OUTPUT value, named in the order of the roots
        Map<String, Leaf> outs = new LinkedHashMap<>();
        for (int i = 0; i < roots.size(); i++) {
            Optional<Leaf> stored = plan.stored(i);
            if (stored.isPresent()) {
                results.add(stored.get());
                continue;
            }
            Leaf out = outs.computeIfAbsent(plan.outputs().get(i), name -> {
                Value v = plan.values().get(name);
                return new Leaf(names.get(), v.shape().orElseThrow(), v.blockSize(), v.structure());
            });
            results.add(out);
        }
        Map<String, MatrixBinding> bindings = new HashMap<>();
        for (MatrixDecl m : plan.program().get().matrices()) {
            Value v = plan.values().get(m.name());
            if (v == null) {
                bindings.put(m.name(), MatrixBinding.temporary("tmp/" + jobId + "/" + m.name()));
            } else if (v.leaf().isPresent()) {
                Leaf leaf = v.leaf().get();
                bindings.put(m.name(), binding(leaf.name(), v, layout(leaf)));
            } else if (v.role() == MatrixDecl.Role.OUTPUT) {
                bindings.put(m.name(), binding(outs.get(m.name()).name(), v, layoutOf(v.structure())));
            } else if (v.shape().isPresent()) {
                bindings.put(m.name(), binding("tmp/" + jobId + "/" + m.name(), v, layoutOf(v.structure())));
            } else {
                bindings.put(m.name(), MatrixBinding.temporary("tmp/" + jobId + "/" + m.name()));
            }
        }
        String operation = String.join(" + ", plan.steps().stream().map(Step::operation).toList());
        JobSpec spec = new JobSpec(jobId, operation, plan.program().get(), plan.args(), bindings);
        try {
            jobs.incrementAndGet();
            JobResult r = engine.run(spec, progress::progress);
            var m = r.metrics();
            reports.accept(new JobReport(jobId, r.operation(), r.tasks(), r.executions(), r.seconds(), r.workerSeconds(),
                    m.peakWorkers(), m.bytesRead(), m.bytesWritten(), m.readSeconds(), m.computeSeconds(), m.writeSeconds(),
                    m.temporaryBytesWritten(), m.peakLiveTemporaryBytes(), m.temporaryTilesCollected()));
        } catch (JobFailedException e) {
            for (Leaf out : outs.values()) {
                engine.store().deleteMatrix(out.name()).toCompletableFuture().join();
            }
            throw Errors.jobFailed(operation, e, userNames);
        }
        for (Leaf out : outs.values()) {
            layouts.put(out.name(), layoutOf(out.structure()));
        }
        return results;
    }

    /** Jobs this runner has started (each plan with something to compute is one job). */
    long jobsStarted() {
        return jobs.get();
    }

    private static MatrixBinding binding(String store, Value v, Structure layout) {
        var shape = v.shape().orElseThrow();
        return new MatrixBinding(store, shape.rows(), shape.cols(), v.blockSize(), layout);
    }

    /** How tiles of a stored matrix are laid out: as recorded when it was computed, else all stored. */
    Structure layout(Leaf leaf) {
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

    static Structure layoutOf(org.wren4j.planner.expr.Structure s) {
        return switch (s) {
            case GENERAL -> Structure.GENERAL;
            case LOWER -> Structure.LOWER;
            case UPPER -> Structure.UPPER;
            case SYMMETRIC, PSD, SPD -> Structure.SYMMETRIC;
        };
    }

    /** Records how the tiles of a matrix opened by name are laid out, as its manifest says. */
    void recordLayout(String matrix, Structure layout) {
        layouts.put(matrix, layout);
    }

    void forget(String matrix) {
        layouts.remove(matrix);
    }
}
