package org.wren4j.planner.plan;

/** An expression the planner cannot turn into programs; the message says why and what to do. */
public final class PlanningException extends IllegalArgumentException {
    public PlanningException(String message) {
        super(message);
    }
}
