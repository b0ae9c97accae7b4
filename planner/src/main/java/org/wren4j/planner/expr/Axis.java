package org.wren4j.planner.expr;

/** Which way a reduction goes: {@code ROWS} reduces each row (an {@code rows x 1} result), {@code COLUMNS} each column ({@code 1 x cols}). */
public enum Axis {
    ROWS, COLUMNS
}
