package org.wren4j.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.wren4j.exec.ExecEngine;
import org.wren4j.exec.job.JobBinder;
import org.wren4j.exec.job.JobBinder.BoundJob;
import org.wren4j.exec.job.CriticalPath;
import org.wren4j.exec.job.JobFailedException;
import org.wren4j.exec.job.JobTooLargeException;
import org.wren4j.exec.sim.SimResult;
import org.wren4j.exec.sim.Simulator;
import org.wren4j.planner.expr.Leaf;
import org.wren4j.planner.expr.MatrixExpr;
import org.wren4j.planner.plan.Plan;
import org.wren4j.planner.plan.Planner;
import org.wren4j.planner.plan.PlanningException;
import org.wren4j.planner.rules.Rules;
import org.wren4j.tiles.MatrixManifest;
import org.wren4j.tiles.StoreCapacity;
import org.wren4j.tiles.StoredTiles;

/**
 * Runs expressions: plans one or several into one fused program and runs it as one job (bound
 * by the {@link JobBinder}), reporting it, and saying a failure in the user's terms.
 */
final class PlanRunner {
    private final ExecEngine engine;
    private final JobBinder binder;
    private final Function<String, String> userNames;
    private final JobProgress progress;
    private final Consumer<JobReport> reports;
    private final AtomicLong jobs = new AtomicLong();

    /** @param userNames a stored matrix's name as the user knows it, for error messages */
    PlanRunner(ExecEngine engine, Supplier<String> names, Function<String, String> userNames, JobProgress progress,
               Consumer<JobReport> reports) {
        this.engine = engine;
        this.binder = new JobBinder(names);
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
        BoundJob job = binder.bind(plan, JobBinder.COMPUTE);
        for (int i = 0; i < roots.size(); i++) {
            String output = plan.outputs().get(i);
            results.add(plan.stored(i).orElseGet(() -> job.outputs().get(output)));
        }
        try {
            jobs.incrementAndGet();
            reports.accept(JobReports.of(engine.run(job.spec(), progress::progress)));
        } catch (StoreCapacity.StoreFullException e) {
            deleteOutputs(job); // no result of a failed job is half there, persisted ones included
            throw Errors.storeFull(e);
        } catch (JobTooLargeException e) {
            throw new WrenException(e.getMessage(), e);
        } catch (JobFailedException e) {
            deleteOutputs(job);
            throw Errors.jobFailed(job.spec().operation(), e, userNames);
        }
        binder.stored(job);
        return results;
    }

    private void deleteOutputs(BoundJob job) {
        for (Leaf out : job.outputs().values()) {
            engine.store().deleteMatrix(out.name()).toCompletableFuture().join();
        }
    }

    /** A job run without data, its report, and the result of each root (whose tiles do not exist). */
    record Rehearsed(JobReport report, List<Leaf> results) {
    }

    /**
     * Runs every root as ONE job in {@code mode} ({@link JobBinder#DRY_RUN} or
     * {@link JobBinder.Simulated}): the real control plane, no tile read or written.
     */
    Rehearsed rehearse(List<MatrixExpr> roots, JobBinder.Mode mode) {
        Plan plan = somethingToRun(plan(roots));
        BoundJob job = binder.bind(plan, mode);
        List<Leaf> results = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            String output = plan.outputs().get(i);
            results.add(plan.stored(i).orElseGet(() -> job.outputs().get(output)));
        }
        try {
            jobs.incrementAndGet();
            JobReport report = JobReports.of(engine.run(job.spec(), progress::progress));
            reports.accept(report);
            return new Rehearsed(report, results);
        } catch (JobTooLargeException e) {
            throw new WrenException(e.getMessage(), e);
        } catch (JobFailedException e) {
            throw Errors.jobFailed(job.spec().operation(), e, userNames);
        }
    }

    /** The one job computing every root, simulated in virtual time ({@link Simulator}). */
    SimResult simulate(List<MatrixExpr> roots, SimulationOptions options) {
        Plan plan = somethingToRun(plan(roots));
        return Simulator.run(binder.bind(plan, JobBinder.DRY_RUN).spec(), options.toSim());
    }

    /** The lower bounds of the one job computing every root, its tasks at {@code gflops}; nothing runs. */
    CriticalPath bounds(List<MatrixExpr> roots, double gflops) {
        Plan plan = somethingToRun(plan(roots));
        return CriticalPath.of(binder.bind(plan, new JobBinder.Simulated(gflops)).spec(), gflops);
    }

    private static Plan somethingToRun(Plan plan) {
        if (plan.program().isEmpty()) {
            throw new IllegalArgumentException("nothing to run: every matrix given is stored already");
        }
        return plan;
    }

    /** Jobs this runner has started (each plan with something to compute is one job). */
    long jobsStarted() {
        return jobs.get();
    }

    /** Which tiles of a stored matrix exist (see {@link JobBinder#layout}). */
    StoredTiles layout(Leaf leaf) {
        return binder.layout(leaf);
    }

    /** A matrix as its manifest records it; later jobs read its tiles as the manifest says (see {@link JobBinder#open}). */
    Leaf open(MatrixManifest manifest) {
        return binder.open(manifest);
    }

    /** The manifest of {@code leaf}'s tiles stored under {@code name} (see {@link JobBinder#manifest}). */
    MatrixManifest manifest(String name, Leaf leaf) {
        return binder.manifest(name, leaf);
    }

    void forget(String matrix) {
        binder.forget(matrix);
    }
}
