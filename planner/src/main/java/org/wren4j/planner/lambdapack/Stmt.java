package org.wren4j.planner.lambdapack;

import java.util.List;

/** A LAmbdaPACK statement. */
public sealed interface Stmt permits KernelCall, Assign, Block, If, For {
    /** Direct sub-statements, in program order. */
    List<Stmt> children();
}
