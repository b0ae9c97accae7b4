package org.wren4j.exec.kernels;

/**
 * A kernel failed because of its input (a tile that is not positive definite, a singular
 * pivot, NaN): rerunning cannot help, so the job fails at once with this message.
 */
public final class KernelFailure extends RuntimeException {
    public KernelFailure(String message) {
        super(message);
    }
}
