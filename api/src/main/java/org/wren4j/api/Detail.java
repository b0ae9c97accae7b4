package org.wren4j.api;

/** How much of a plan {@link BlockMatrix#explain(Detail)} shows. */
public enum Detail {
    /** The expression, its rewrite as a tree, the rules, the steps with task counts, the program's size. */
    SUMMARY,
    /** The summary's text with the fused LAmbdaPACK program's listing after it. */
    PROGRAM
}
