package org.wren4j.exec.kernels;

/**
 * A kernel failed because of its input (a tile that is not positive definite, a singular
 * pivot, NaN): rerunning cannot help, so the job fails at once with this message. A non-finite
 * value is a {@link NonFiniteValueException}, which says where it is so the job's message can name
 * the stored tile.
 */
public sealed class KernelFailure extends RuntimeException permits NonFiniteValueException, SingularInputException {
    public KernelFailure(String message) {
        super(message);
    }
}
