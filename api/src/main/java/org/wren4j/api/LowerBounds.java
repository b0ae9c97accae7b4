package org.wren4j.api;

/**
 * What no number of workers can beat for one job ({@link Wren#lowerBounds}), from each task's
 * textbook flops at a given rate: the total work, and the longest chain of dependent tasks.
 *
 * @param tasks               tasks of the job
 * @param flops               their flops, summed
 * @param criticalPathSeconds the longest path of task times through the job's graph
 */
public record LowerBounds(long tasks, double flops, double criticalPathSeconds) {
}
