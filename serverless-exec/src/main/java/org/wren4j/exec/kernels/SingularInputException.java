package org.wren4j.exec.kernels;

/** A kernel's input is singular or not positive definite where the kernel needs it to be: the input's fault. */
public final class SingularInputException extends KernelFailure {
    public SingularInputException(String message) {
        super(message);
    }
}
