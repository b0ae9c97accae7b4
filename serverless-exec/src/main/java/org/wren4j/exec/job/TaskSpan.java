package org.wren4j.exec.job;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.wren4j.exec.state.RuntimeState;

/**
 * When one kernel execution read its inputs, computed and wrote its outputs, in microseconds of
 * the wall clock (workers in other processes or machines share no other clock; NTP keeps
 * them within milliseconds, far below a tile task's seconds). Reads of the next task overlap the
 * kernel of the one before (pipelining), so a worker's spans overlap in their read parts only.
 * Workers append one span per execution to the runtime state, at most
 * {@link RuntimeState#MAX_SPANS_PER_JOB} per job: the report of a bigger job shows its first ones.
 */
public record TaskSpan(String worker, String task, String kernel, long readStart, long readEnd, long computeStart, long computeEnd,
                       long writeEnd) {
    private static final char SEP = '\t';

    public TaskSpan {
        requireNonNull(worker, "worker is null");
        requireNonNull(task, "task is null");
        requireNonNull(kernel, "kernel is null");
        if (!(readStart <= readEnd && readEnd <= computeEnd && computeStart <= computeEnd && computeEnd <= writeEnd)) {
            throw new IllegalArgumentException("span of task " + task + " is out of order: read " + readStart + ".." + readEnd
                    + ", compute " + computeStart + ".." + computeEnd + ", written by " + writeEnd);
        }
    }

    /**
     * A span from the nanosecond clock of one process: {@code nanoNow} and {@code microsNow} are the
     * same instant on the monotonic and the wall clock.
     */
    public static TaskSpan of(String worker, String task, String kernel, long readStartNanos, long readEndNanos, long computeStartNanos,
                              long computeEndNanos, long writeEndNanos, long nanoNow, long microsNow) {
        return new TaskSpan(worker, task, kernel, wall(readStartNanos, nanoNow, microsNow), wall(readEndNanos, nanoNow, microsNow),
                wall(computeStartNanos, nanoNow, microsNow), wall(computeEndNanos, nanoNow, microsNow), wall(writeEndNanos, nanoNow, microsNow));
    }

    private static long wall(long nanos, long nanoNow, long microsNow) {
        return microsNow - (nanoNow - nanos) / 1000;
    }

    /** The current instant on the wall clock, in microseconds. */
    public static long microsNow() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** One line, tab-separated: how a span is kept in the runtime state. */
    public String encode() {
        return clean(worker) + SEP + clean(task) + SEP + clean(kernel) + SEP + readStart + SEP + readEnd + SEP + computeStart + SEP
                + computeEnd + SEP + writeEnd;
    }

    /** The span {@code line} encodes, or empty for a line that is not one (a span is a diagnostic: never fatal). */
    public static Optional<TaskSpan> decode(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TaskSpan(f[0], f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                    Long.parseLong(f[6]), Long.parseLong(f[7])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }
}
