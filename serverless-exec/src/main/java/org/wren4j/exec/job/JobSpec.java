package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.wren4j.planner.lambdapack.MatrixDecl;
import org.wren4j.planner.lambdapack.Program;

/**
 * Everything a worker needs to run any task of a job: the program, its parameters, and where
 * each program matrix lives. {@code operation} names the job for people ("cholesky of A").
 * A {@code dryRun} job drives the whole control plane (queue, state, workers) but reads and
 * writes no tiles and runs no kernels: for scale tests of the runtime itself.
 */
public record JobSpec(String jobId, String operation, Program program, Map<String, Long> args, Map<String, MatrixBinding> bindings,
                      boolean dryRun) {
    public JobSpec {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(program, "program is null");
        args = Map.copyOf(requireNonNull(args, "args is null"));
        bindings = Map.copyOf(requireNonNull(bindings, "bindings is null"));
        for (MatrixDecl m : program.matrices()) {
            if (!bindings.containsKey(m.name())) {
                throw new IllegalArgumentException("job " + jobId + ": program " + program.name() + " matrix " + m.name() + " is not bound");
            }
        }
    }

    public JobSpec(String jobId, String operation, Program program, Map<String, Long> args, Map<String, MatrixBinding> bindings) {
        this(jobId, operation, program, args, bindings, false);
    }

    public JobSpec asDryRun() {
        return new JobSpec(jobId, operation, program, args, bindings, true);
    }

    public MatrixBinding binding(String programMatrix) {
        MatrixBinding b = bindings.get(programMatrix);
        if (b == null) {
            throw new IllegalArgumentException("job " + jobId + " has no binding for matrix " + programMatrix);
        }
        return b;
    }
}
