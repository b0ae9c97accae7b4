package org.wren4j.cli;

/** Bad command-line input: printed as one line pointing to the command's help, exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
