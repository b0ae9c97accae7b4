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
     * The wall clock minus the monotonic clock, in nanoseconds, read once per process: every span of
     * a process maps its monotonic instants to the wall clock by the same offset, so their order
     * within the process is kept exactly (a pair of clock reads per span would jitter by
     * microseconds and could show one worker's consecutive kernels overlapping).
     */
    private static final long WALL_MINUS_MONOTONIC_NANOS = wallNanos() - System.nanoTime();

    /** A span from instants of this process's monotonic clock ({@link System#nanoTime()}). */
    public static TaskSpan of(String worker, String task, String kernel, long readStartNanos, long readEndNanos, long computeStartNanos,
                              long computeEndNanos, long writeEndNanos) {
        return new TaskSpan(worker, task, kernel, wall(readStartNanos), wall(readEndNanos), wall(computeStartNanos), wall(computeEndNanos),
                wall(writeEndNanos));
    }

    /** A monotonic instant of this process on the wall clock, in microseconds. */
    public static long wall(long monotonicNanos) {
        return Math.floorDiv(monotonicNanos + WALL_MINUS_MONOTONIC_NANOS, 1000);
    }

    private static long wallNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
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
