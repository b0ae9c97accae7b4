package org.wren4j.api;

/**
 * The job's parallelism at one instant, in seconds from its submission: the workers alive, and
 * the tasks waiting in the queue ({@code -1} where the queue could not say without a request of
 * its own). A new sample is taken whenever either changes.
 */
public record ActivitySample(double seconds, int workers, long queued) {
}
