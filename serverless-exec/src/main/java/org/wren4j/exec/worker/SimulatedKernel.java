package org.wren4j.exec.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.wren4j.exec.job.JobSpec;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.library.KernelCost;

/**
 * The stand-in for a kernel in a simulated job ({@link JobSpec#simulated()}): holds the worker's
 * thread for the kernel's modelled time, its flops on the task's tile shapes over the job's rate,
 * without touching a tile. The thread parks, so a simulated worker costs no core.
 */
final class SimulatedKernel {
    private SimulatedKernel() {
    }

    /** Modelled nanoseconds of {@code node}'s kernel at {@code spec.simulatedGflops()}. */
    static long nanos(JobSpec spec, ProgramAnalysis analysis, Node node) {
        String kernel = analysis.statement(node.statement()).kernel();
        List<KernelCost.Operand> operands = new ArrayList<>();
        for (ConcreteTile t : analysis.inputs(node)) {
            ConcreteTile src = analysis.source(t);
            MatrixBinding b = spec.binding(src.matrix());
            long rows;
            long cols;
            if (b.rows() > 0 && b.cols() > 0) {
                rows = b.tileRows(src.row());
                cols = b.tileCols(src.col());
            } else {
                // a temporary bound without a shape: its tiles carry their shape, which a simulation
                // never makes; model a full tile (ragged edges of such temporaries count a little high)
                rows = fullTile(spec);
                cols = rows;
            }
            operands.add(new KernelCost.Operand(src.toString(), rows, cols));
        }
        // flops / (GFLOP/s * 1e9) seconds = flops / GFLOP/s nanoseconds
        return Math.round(KernelCost.flops(kernel, operands) / spec.simulatedGflops());
    }

    /** Parks the calling thread for {@code nanos}, waking early only for an interrupt. */
    static void hold(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("simulated kernel interrupted");
            }
        }
    }

    private static long fullTile(JobSpec spec) {
        int block = 0;
        for (MatrixBinding b : spec.bindings().values()) {
            block = Math.max(block, b.blockSize());
        }
        return block;
    }
}
