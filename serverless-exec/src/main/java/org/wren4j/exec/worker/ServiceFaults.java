package org.wren4j.exec.worker;

import java.util.NoSuchElementException;
import org.wren4j.exec.kernels.KernelFailure;
import org.wren4j.exec.queue.LeaseLostException;
import org.wren4j.tiles.CorruptTileException;
import org.wren4j.tiles.MissingTileException;
import org.wren4j.tiles.RetryPolicy;

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
        Throwable e = RetryPolicy.unwrap(error);
        return e instanceof CorruptTileException || e instanceof MissingTileException || e instanceof KernelFailure
                || e instanceof NoSuchElementException || e instanceof LeaseLostException || isBug(e);
    }

    /** A programming error of ours: retrying it only delays its report. */
    static boolean isBug(Throwable e) {
        return e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof NullPointerException
                || e instanceof ClassCastException || e instanceof IndexOutOfBoundsException || e instanceof ArithmeticException
                || e instanceof UnsupportedOperationException;
    }

    /** The innermost cause's message, or its class name when it has none. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }
}
