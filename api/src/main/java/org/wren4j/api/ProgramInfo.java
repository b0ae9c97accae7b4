package org.wren4j.api;

/**
 * What {@link ProgramLibrary#analyze} found for one library program at one matrix size.
 *
 * @param program       the program's name
 * @param n             rows and columns of the matrix
 * @param block         tile edge
 * @param grid          tiles per side, {@code ceil(n / block)}
 * @param tasks         tasks of the whole job
 * @param tasksMs       milliseconds the analysis took to count them
 * @param programBytes  size of the encoded program a worker downloads (the same for every n)
 * @param startingTasks tasks with no parents, queued when the job starts
 * @param startingMs    milliseconds the analysis took to count those
 * @param childrenUs    mean microseconds to find one task's children, over {@code sampledTasks} tasks
 * @param parentsUs     mean microseconds to find one task's parents, over the same sample
 * @param sampledTasks  tasks sampled for the two means
 */
public record ProgramInfo(String program, long n, long block, long grid, long tasks, double tasksMs, int programBytes,
                          long startingTasks, double startingMs, double childrenUs, double parentsUs, int sampledTasks) {
}
