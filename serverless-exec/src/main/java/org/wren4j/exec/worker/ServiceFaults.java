package org.wren4j.exec.worker;

import java.util.NoSuchElementException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.wren4j.exec.kernels.KernelFailure;
import org.wren4j.exec.queue.LeaseLostException;
import org.wren4j.tiles.CorruptTileException;
import org.wren4j.tiles.MissingTileException;

/**
 * Which errors a retry can cure. A service that did not answer (connection refused, timeout, 503)
 * may answer the next time; an answer that is wrong or final does not change: a checksum
 * mismatch, a missing tile, an unknown job, a lost lease, a kernel that refused its input, and
 * our own bugs.
 */
public final class ServiceFaults {
    private ServiceFaults() {
    }

    /** True for an error a retry cannot cure. */
    public static boolean isPermanent(Throwable error) {
        Throwable e = unwrap(error);
        return e instanceof CorruptTileException || e instanceof MissingTileException || e instanceof KernelFailure
                || e instanceof NoSuchElementException || e instanceof LeaseLostException || isBug(e);
    }

    /** A programming error of ours: retrying it only delays its report. */
    static boolean isBug(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof NullPointerException
                || e instanceof ClassCastException || e instanceof IndexOutOfBoundsException || e instanceof ArithmeticException
                || e instanceof UnsupportedOperationException;
    }

    public static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The innermost cause's message, or its class name when it has none. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
