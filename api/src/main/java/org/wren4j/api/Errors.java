package org.wren4j.api;

import java.util.function.Function;
import org.wren4j.exec.job.JobFailure;
import org.wren4j.exec.job.JobFailure.Place;
import org.wren4j.exec.kernels.KernelFailure;
import org.wren4j.exec.kernels.NonFiniteValueException;
import org.wren4j.tiles.StoreCapacity;
import org.wren4j.tiles.TileException;

/** The one place where failures from below the facade become the user's {@link WrenException}s, cause kept. */
final class Errors {
    private Errors() {
    }

    /** {@code what} (e.g. "reading matrix 'x'") failed: a storage error when tiles are to blame. */
    static WrenException io(String what, Throwable cause) {
        String message = what + " failed: " + cause.getMessage();
        return TileException.isIn(cause) ? new StorageException(message, message, cause) : new WrenException(message, cause);
    }

    /** Work refused before anything was written: its tiles cannot fit in the store. */
    static StorageException storeFull(StoreCapacity.StoreFullException e) {
        return new StorageException(e.getMessage(), e.getMessage(), e);
    }

    /** A kernel run on the client (the dense reference) refused its input. */
    static WrenException kernel(String operation, KernelFailure e) {
        String message = operation + " failed: " + e.getMessage();
        return e instanceof NonFiniteValueException ? new NonFiniteException(message, message, e) : new SingularMatrixException(message, message, e);
    }

    /**
     * A failed job, said in the user's terms: "OPERATION failed: REASON at element (r, c) of MATRIX
     * (tile (i, j))", where {@code names} gives a stored matrix's name as the user knows it (the
     * name it was saved under, or what made it). The whole account stays in {@link WrenException#detail()}.
     */
    static WrenException jobFailed(String operation, org.wren4j.exec.job.JobFailedException e, Function<String, String> names) {
        // qualified: the exec exception shares its simple name with the user's JobFailedException
        JobFailure f = e.failure();
        String message = switch (f.kind()) {
            case CANCELLED, TIMED_OUT -> f.reason();
            default -> operation + " failed: " + f.reason() + f.place().map(p -> where(p, names)).orElse("");
        };
        return switch (f.kind()) {
            case SINGULAR -> new SingularMatrixException(message, f.detail(), e);
            case NON_FINITE -> new NonFiniteException(message, f.detail(), e);
            case STORAGE -> new StorageException(message, f.detail(), e);
            case CANCELLED -> new JobFailedException(message, f.detail(), e.jobId(), JobFailedException.Reason.CANCELLED, e);
            case TIMED_OUT -> new JobFailedException(message, f.detail(), e.jobId(), JobFailedException.Reason.TIMED_OUT, e);
            case FAILED -> new JobFailedException(message, f.detail(), e.jobId(), JobFailedException.Reason.FAILED, e);
        };
    }

    private static String where(Place p, Function<String, String> names) {
        String matrix = names.apply(p.storeMatrix());
        String tile = "tile (" + p.tileRow() + ", " + p.tileCol() + ")";
        return p.hasElement()
                ? " at element (" + p.row() + ", " + p.col() + ") of " + matrix + " (" + tile + ")"
                : " in " + tile + " of " + matrix;
    }
}
