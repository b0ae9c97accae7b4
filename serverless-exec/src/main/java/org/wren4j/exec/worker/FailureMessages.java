package org.wren4j.exec.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wren4j.exec.job.JobFailure;
import org.wren4j.exec.job.JobFailure.Kind;
import org.wren4j.exec.job.JobFailure.Place;
import org.wren4j.exec.job.JobRegistry;
import org.wren4j.exec.job.MatrixBinding;
import org.wren4j.exec.kernels.KernelFailure;
import org.wren4j.exec.kernels.NonFiniteValueException;
import org.wren4j.exec.kernels.SingularInputException;
import org.wren4j.tiles.TileException;
import org.wren4j.planner.analysis.ConcreteTile;
import org.wren4j.planner.analysis.Node;
import org.wren4j.planner.lambdapack.MatrixDecl;

/**
 * What a task failure fails its job with: a {@link JobFailure} whose detail is one line naming the
 * operation, the task and the stored tiles, and whose reason and place let the client say it in
 * the user's terms.
 */
final class FailureMessages {
    private FailureMessages() {
    }

    /** A task that kept failing: storage when tiles could not be read or written, else a plain failure. */
    static JobFailure gaveUp(String jobId, String taskKey, JobRegistry.Entry job, Node node, int attempts, Throwable cause) {
        Kind kind = TileException.isIn(cause) ? Kind.STORAGE : Kind.FAILED;
        String why = "gave up after " + attempts + " attempts: " + cause;
        String reason = kind == Kind.STORAGE ? "tiles could not be read or written after " + attempts + " attempts: " + ServiceFaults.rootMessage(cause) : why;
        return new JobFailure(kind, reason, Optional.empty(), failure(jobId, taskKey, job, node, why));
    }

    /** A tile that is corrupt or missing though it must exist: retrying cannot help, the job fails at once. */
    static JobFailure brokenTile(String jobId, String taskKey, JobRegistry.Entry job, Node node, Throwable cause) {
        String reason = "a tile is broken for good, so the job was not retried: " + ServiceFaults.rootMessage(cause);
        return new JobFailure(Kind.STORAGE, reason, Optional.empty(), failure(jobId, taskKey, job, node, reason));
    }

    /** The failure of a kernel, the input's fault: where it is, and why. */
    static JobFailure kernelFailure(String jobId, String taskKey, JobRegistry.Entry job, Node node, KernelFailure failure) {
        String detail = kernelFailureLine(jobId, taskKey, job, node, failure);
        if (failure instanceof NonFiniteValueException nf) {
            Optional<Place> place = job == null || node == null ? Optional.empty() : nonFinitePlace(job, node, nf);
            String what = Double.isNaN(nf.value()) ? "NaN" : nf.value() > 0 ? "+Inf" : "-Inf";
            String reason = nf.site() instanceof NonFiniteValueException.Input
                    ? what + " in an input, which takes finite values only"
                    : "overflow: a result holds " + what + " though every input is finite";
            return new JobFailure(Kind.NON_FINITE, reason, place, detail);
        }
        Kind kind = failure instanceof SingularInputException ? Kind.SINGULAR : Kind.FAILED;
        Optional<Place> place = job == null || node == null ? Optional.empty() : firstStoredInput(job, node).or(() -> sameTileOfInput(job, node));
        return new JobFailure(kind, failure.getMessage(), place, detail);
    }

    /**
     * Where a non-finite value sits: the tile the kernel saw ({@code seen}), the tile it is stored as
     * ({@code stored}: an input's source, or the result itself) and that tile's binding.
     */
    private record NonFiniteSite(ConcreteTile seen, ConcreteTile stored, MatrixBinding binding) {
        static Optional<NonFiniteSite> of(JobRegistry.Entry job, Node node, NonFiniteValueException nf) {
            boolean input = nf.site() instanceof NonFiniteValueException.Input;
            List<ConcreteTile> tiles = input ? job.analysis().inputs(node) : job.analysis().outputs(node);
            if (nf.site().index() >= tiles.size()) {
                return Optional.empty();
            }
            ConcreteTile seen = tiles.get(nf.site().index());
            ConcreteTile stored = input ? job.analysis().source(seen) : seen;
            return Optional.of(new NonFiniteSite(seen, stored, job.spec().binding(stored.matrix())));
        }

        /** False for an intermediate tile: no stored matrix to name. */
        boolean inStoredMatrix() {
            return binding.rows() > 0;
        }

        long row(NonFiniteValueException nf) {
            return stored.row() * binding.blockSize() + nf.row();
        }

        long col(NonFiniteValueException nf) {
            return stored.col() * binding.blockSize() + nf.column();
        }
    }

    /** The stored tile (and element) a non-finite value was found in, if it is in a stored matrix. */
    private static Optional<Place> nonFinitePlace(JobRegistry.Entry job, Node node, NonFiniteValueException nf) {
        try {
            return NonFiniteSite.of(job, node, nf).filter(NonFiniteSite::inStoredMatrix).map(s -> new Place(s.binding().storeMatrix(),
                    s.stored().row(), s.stored().col(), s.row(nf), s.col(nf)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * For a kernel that read only intermediate tiles (the pivot step of a factorization, after
     * the updates): the same tile position in the operation's stored input, where the trouble
     * shows (Cholesky's diagonal tile (k, k) is where the leading minor of A fails).
     */
    private static Optional<Place> sameTileOfInput(JobRegistry.Entry job, Node node) {
        try {
            List<ConcreteTile> outs = job.analysis().outputs(node);
            if (outs.isEmpty() || outs.get(0).rank() != 2) {
                return Optional.empty();
            }
            ConcreteTile out = outs.get(0);
            for (MatrixDecl m : job.spec().program().matrices()) {
                MatrixBinding b = job.spec().binding(m.name());
                if (m.role() == MatrixDecl.Role.INPUT && m.rank() == 2 && b.rows() > 0 && out.row() * b.blockSize() < b.rows()
                        && out.col() * b.blockSize() < b.cols()) {
                    return Optional.of(new Place(b.storeMatrix(), out.row(), out.col(), -1, -1));
                }
            }
        } catch (RuntimeException e) {
            // not a task of the program: nothing to name
        }
        return Optional.empty();
    }

    /** The first input of the task that is a tile of a stored matrix, if any. */
    private static Optional<Place> firstStoredInput(JobRegistry.Entry job, Node node) {
        try {
            for (ConcreteTile t : job.analysis().inputs(node)) {
                ConcreteTile src = job.analysis().source(t);
                MatrixBinding b = job.spec().binding(src.matrix());
                if (b.rows() > 0) {
                    return Optional.of(new Place(b.storeMatrix(), src.row(), src.col(), -1, -1));
                }
            }
        } catch (RuntimeException e) {
            // not a task of the program: nothing to name
        }
        return Optional.empty();
    }

    /** "OPERATION failed at task TASK (inputs: ...): WHY"; the job and node may be unknown (null). */
    private static String failure(String jobId, String taskKey, JobRegistry.Entry job, Node node, String why) {
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

    /** The failure of a kernel as one line: a non-finite value is named by the stored tile and element it is in. */
    private static String kernelFailureLine(String jobId, String taskKey, JobRegistry.Entry job, Node node, RuntimeException failure) {
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
        Optional<NonFiniteSite> site = NonFiniteSite.of(job, node, nf);
        if (site.isEmpty()) {
            return nf.getMessage();
        }
        NonFiniteSite s = site.get();
        String where = s.seen() + " = " + stored(s.stored(), s.binding());
        String element = s.inStoredMatrix() ? " (element (" + s.row(nf) + ", " + s.col(nf) + ") of " + s.binding().storeMatrix() + ")" : "";
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
