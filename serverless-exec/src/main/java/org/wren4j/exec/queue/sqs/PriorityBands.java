package org.wren4j.exec.queue.sqs;

/**
 * How priorities map to SQS queues, since SQS has no priorities: {@code count} queues
 * ("bands"), band {@code b} holding priorities {@code [b * width, (b + 1) * width)}; priorities
 * below zero go to band 0 and those past the last band share it. Leasing drains lower bands
 * first, and sorts what one receive returns by priority.
 *
 * <p>This approximates the memory queue's strict order: within a band SQS returns messages in
 * no particular order (a standard queue is not FIFO), so two priorities of one band may come
 * out swapped; and a short poll of real SQS samples a subset of its servers, so it can miss a
 * message of a higher band now and then. More and narrower bands cost one more receive per
 * band when the higher ones are empty.
 */
public record PriorityBands(int count, long width) {
    public static final int DEFAULT_COUNT = 3;
    public static final long DEFAULT_WIDTH = 8;

    public PriorityBands {
        if (count < 1 || count > 16) {
            throw new IllegalArgumentException("count must be within [1, 16], got " + count);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
    }

    public static PriorityBands defaults() {
        return new PriorityBands(DEFAULT_COUNT, DEFAULT_WIDTH);
    }

    /** The band of {@code priority}: 0 is leased first. */
    public int band(long priority) {
        return (int) Math.min(count - 1, Math.max(0, Math.floorDiv(priority, width)));
    }
}
