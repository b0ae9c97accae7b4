package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.analysis.ProgramAnalysis;
import org.wren4j.planner.library.KernelCost;

/**
 * The modelled work of one task: its kernel's {@link KernelCost} flops on the shapes of the tiles
 * it reads, found from the job's bindings without reading a tile. What a simulated job's worker
 * waits out, and what a benchmark sums for bounds.
 */
public final class TaskFlops {
    private TaskFlops() {
    }

    public static double flops(JobSpec spec, ProgramAnalysis analysis, Node node) {
        requireNonNull(spec, "spec is null");
        requireNonNull(analysis, "analysis is null");
        requireNonNull(node, "node is null");
        String kernel = analysis.statement(node.statement()).kernel();
        List<KernelCost.Operand> operands = new ArrayList<>();
        for (ConcreteTile t : analysis.inputs(node)) {
            ConcreteTile src = analysis.source(t);
            long[] shape = shape(spec, src);
            operands.add(new KernelCost.Operand(src.toString(), shape[0], shape[1]));
        }
        return KernelCost.flops(kernel, operands);
    }

    /**
     * The modelled {rows, cols} of a stored tile (a {@link ProgramAnalysis#source} tile) from the
     * job's bindings. A temporary bound without a shape carries its shape in its tiles, which a
     * simulation never makes: it is modelled as a full tile (ragged edges count a little high).
     */
    public static long[] shape(JobSpec spec, ConcreteTile tile) {
        MatrixBinding b = spec.binding(tile.matrix());
        if (b.rows() > 0 && b.cols() > 0) {
            return new long[] {b.tileRows(tile.row()), b.tileCols(tile.col())};
        }
        long full = fullTile(spec);
        return new long[] {full, full};
    }

    /** Modelled nanoseconds of the task on one worker at {@code gflops} GFLOP/s. */
    public static long nanos(JobSpec spec, ProgramAnalysis analysis, Node node, double gflops) {
        if (!(gflops > 0)) {
            throw new IllegalArgumentException("gflops must be > 0, got " + gflops);
        }
        // flops / (GFLOP/s * 1e9) seconds = flops / GFLOP/s nanoseconds
        return Math.round(flops(spec, analysis, node) / gflops);
    }

    private static long fullTile(JobSpec spec) {
        int block = 0;
        for (MatrixBinding b : spec.bindings().values()) {
            block = Math.max(block, b.blockSize());
        }
        return block;
    }
}
