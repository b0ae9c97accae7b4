package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.planner.lambdapack.Program;

/**
 * Everything a worker needs to run any task of a job: the program, its parameters, and where
 * each program matrix lives. {@code operation} names the job for people ("cholesky of A").
 * A {@code dryRun} job drives the whole control plane (queue, state, workers) but reads and
 * writes no tiles and runs no kernels: for scale tests of the runtime itself. A job with
 * {@code simulatedGflops > 0} is a simulated run: like a dry run it reads and writes no tiles,
 * but each task holds its worker for a modelled time instead of computing, its kernel's flops
 * ({@link org.wren4j.planner.library.KernelCost}) divided by that rate (GFLOP/s of one worker), so
 * many sleeping workers on a few cores time the real control plane as a larger cluster would.
 */
public record JobSpec(String jobId, String operation, Program program, Map<String, Long> args, Map<String, MatrixBinding> bindings,
                      boolean dryRun, double simulatedGflops) {
    public JobSpec {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(program, "program is null");
        args = Map.copyOf(requireNonNull(args, "args is null"));
        bindings = Map.copyOf(requireNonNull(bindings, "bindings is null"));
        if (!(simulatedGflops >= 0) || Double.isInfinite(simulatedGflops)) {
            throw new IllegalArgumentException("job " + jobId + ": simulated GFLOP/s must be finite and >= 0 (0: compute), got " + simulatedGflops);
        }
        for (MatrixDecl m : program.matrices()) {
            if (!bindings.containsKey(m.name())) {
                throw new IllegalArgumentException("job " + jobId + ": program " + program.name() + " matrix " + m.name() + " is not bound");
            }
        }
    }

    public JobSpec(String jobId, String operation, Program program, Map<String, Long> args, Map<String, MatrixBinding> bindings) {
        this(jobId, operation, program, args, bindings, false, 0);
    }

    public JobSpec asDryRun() {
        return new JobSpec(jobId, operation, program, args, bindings, true, simulatedGflops);
    }

    /**
     * This job simulated: no tiles, each task sleeps its kernel's flops / ({@code gflops} * 1e9) seconds.
     *
     * @throws IllegalArgumentException if {@code gflops} is not positive and finite
     */
    public JobSpec asSimulated(double gflops) {
        if (!(gflops > 0)) {
            throw new IllegalArgumentException("simulated GFLOP/s must be > 0, got " + gflops);
        }
        return new JobSpec(jobId, operation, program, args, bindings, dryRun, gflops);
    }

    public boolean simulated() {
        return simulatedGflops > 0;
    }

    /** Whether tasks read and write tiles and run kernels: neither a dry run nor a simulation. */
    public boolean computes() {
        return !dryRun && !simulated();
    }

    /** The bindings of the program's matrices of {@code role} (its inputs, outputs or temporaries), in declaration order. */
    public List<MatrixBinding> bindings(MatrixDecl.Role role) {
        return program.matrices().stream().filter(m -> m.role() == role).map(m -> binding(m.name())).toList();
    }

    public MatrixBinding binding(String programMatrix) {
        MatrixBinding b = bindings.get(programMatrix);
        if (b == null) {
            throw new IllegalArgumentException("job " + jobId + " has no binding for matrix " + programMatrix);
        }
        return b;
    }
}
