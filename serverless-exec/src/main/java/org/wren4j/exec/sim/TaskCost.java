package org.wren4j.exec.sim;

/**
 * The modelled cost of one task on one worker: reading its input tiles, running its kernel,
 * writing its output tiles (nanoseconds each), with the tiles and bytes moved and the flops.
 */
public record TaskCost(long readNanos, long computeNanos, long writeNanos, int tilesRead, int tilesWritten,
                       long bytesRead, long bytesWritten, double flops) {
    public TaskCost {
        if (readNanos < 0 || computeNanos < 0 || writeNanos < 0 || tilesRead < 0 || tilesWritten < 0 || bytesRead < 0 || bytesWritten < 0) {
            throw new IllegalArgumentException("a task cost cannot be negative: " + readNanos + "/" + computeNanos + "/" + writeNanos);
        }
    }

    /**
     * How long the task holds its worker's core. With one task in flight the worker reads, computes
     * and writes in turn; with several ({@code pipelineWidth > 1}) the reads of the next task and
     * the writes of the last overlap this kernel, so the longer of the two sides counts.
     */
    public long serviceNanos(int pipelineWidth) {
        long io = readNanos + writeNanos;
        return pipelineWidth > 1 ? Math.max(computeNanos, io) : computeNanos + io;
    }
}
