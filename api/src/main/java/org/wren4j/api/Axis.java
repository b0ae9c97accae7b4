package org.wren4j.api;

/**
 * Direction of a reduction: {@code ROWS} reduces each row to one value (an {@code rows x 1}
 * column), {@code COLUMNS} each column (a {@code 1 x cols} row). numpy's {@code axis=1} and
 * {@code axis=0} respectively.
 */
public enum Axis {
    ROWS, COLUMNS;

    org.wren4j.planner.expr.Axis toPlanner() {
        return this == ROWS ? org.wren4j.planner.expr.Axis.ROWS : org.wren4j.planner.expr.Axis.COLUMNS;
    }
}
