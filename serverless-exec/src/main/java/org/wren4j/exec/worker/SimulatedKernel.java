package org.wren4j.exec.worker;

import java.util.concurrent.locks.LockSupport;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.TaskFlops;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;

/**
 * The stand-in for a kernel in a simulated job ({@link JobSpec#simulated()}): holds the worker's
 * thread for the task's modelled time ({@link TaskFlops} over the job's rate) without touching a
 * tile. The thread parks, so a simulated worker costs no core.
 */
final class SimulatedKernel {
    private SimulatedKernel() {
    }

    static void run(JobSpec spec, ProgramAnalysis analysis, Node node) {
        long nanos = TaskFlops.nanos(spec, analysis, node, spec.simulatedGflops());
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("simulated kernel interrupted");
            }
        }
    }
}
