package org.wren4j.planner.lambdapack;

import java.util.List;

/** A LAmbdaPACK statement. */
public sealed interface Stmt permits KernelCall, Assign, Block, If, For, Reduce {
    /** Direct sub-statements, in program order; a {@link Reduce} has its lowered tree as child. */
    List<Stmt> children();
}
