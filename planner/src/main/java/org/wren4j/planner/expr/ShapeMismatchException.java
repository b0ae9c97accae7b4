package org.wren4j.planner.expr;

/** Operands whose shapes or block sizes do not fit; the message shows both and what to do. */
public final class ShapeMismatchException extends IllegalArgumentException {
    public ShapeMismatchException(String message) {
        super(message);
    }
}
