package org.wren4j.exec.worker;

import java.util.ArrayList;
import java.util.List;
import org.wren4j.exec.job.JobRegistry;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.kernels.NonFiniteValueException;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.Node;

/** The one-line messages a task failure fails its job with, naming the operation, the task and the stored tiles. */
final class FailureMessages {
    private FailureMessages() {
    }

    /** "OPERATION failed at task TASK (inputs: ...): WHY"; the job and node may be unknown (null). */
    static String failure(String jobId, String taskKey, JobRegistry.Entry job, Node node, String why) {
        String operation = job == null ? "job " + jobId : job.spec().operation();
        String task = node == null || job == null ? taskKey : describe(job, node, taskKey);
        return operation + " failed at task " + task + (job == null ? "" : inputNames(job, node)) + ": " + why;
    }

    private static String describe(JobRegistry.Entry job, Node node, String taskKey) {
        try {
            return job.analysis().describe(node);
        } catch (RuntimeException e) {
            return taskKey; // not a task of the program: the key is all there is to name
        }
    }

    /** The failure of a kernel: a non-finite value is named by the stored tile and element it is in. */
    static String kernelFailure(String jobId, String taskKey, JobRegistry.Entry job, Node node, RuntimeException failure) {
        if (failure instanceof NonFiniteValueException nf && job != null && node != null) {
            return failure(jobId, taskKey, job, node, nonFinite(job, node, nf));
        }
        return failure(jobId, taskKey, job, node, failure.getMessage());
    }

    /**
     * "input A[1, 0] = tile (1, 0) of m1 holds NaN at row 3, column 17 of the tile (element (7, 17) of
     * m1) ..." or, for an overflow, the result tile the same way.
     */
    private static String nonFinite(JobRegistry.Entry job, Node node, NonFiniteValueException nf) {
        List<ConcreteTile> tiles = nf.site() instanceof NonFiniteValueException.Input
                ? job.analysis().inputs(node)
                : job.analysis().outputs(node);
        if (nf.site().index() >= tiles.size()) {
            return nf.getMessage();
        }
        ConcreteTile t = tiles.get(nf.site().index());
        ConcreteTile src = nf.site() instanceof NonFiniteValueException.Input ? job.analysis().source(t) : t;
        MatrixBinding b = job.spec().binding(src.matrix());
        String where = t + " = " + stored(src, b);
        String element = b.rows() > 0
                ? " (element (" + (src.row() * b.blockSize() + nf.row()) + ", " + (src.col() * b.blockSize() + nf.column()) + ") of "
                        + b.storeMatrix() + ")"
                : "";
        return nf.describe(where, element);
    }

    private static String stored(ConcreteTile src, MatrixBinding b) {
        return b.rows() > 0 ? "tile (" + src.row() + ", " + src.col() + ") of " + b.storeMatrix() : "an intermediate tile";
    }

    /** " (inputs: A[0, 0] = tile (0, 0) of m1; ...)" so errors name stored tiles. */
    private static String inputNames(JobRegistry.Entry job, Node node) {
        if (node == null) {
            return "";
        }
        var parts = new ArrayList<String>();
        try {
            for (ConcreteTile t : job.analysis().inputs(node)) {
                ConcreteTile src = job.analysis().source(t);
                parts.add(t + " = " + stored(src, job.spec().binding(src.matrix())));
            }
        } catch (RuntimeException e) {
            return ""; // not a task of the program: it has no inputs to name
        }
        return parts.isEmpty() ? "" : " (inputs: " + String.join("; ", parts) + ")";
    }
}
