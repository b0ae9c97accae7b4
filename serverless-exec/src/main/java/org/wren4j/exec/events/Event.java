package org.wren4j.exec.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something a worker, the provisioner or a launcher did that an operator wants in a log service:
 * one JSON line each ({@link EventLog}). Field names are snake_case and stable; times are in
 * seconds, sizes in bytes. No event carries a secret: errors are the one-line messages workers
 * already log, which never hold one.
 */
public sealed interface Event {
    /** The {@code "event"} field of the line, e.g. {@code task}. */
    String type();

    /** The line's other fields, in the order they are written. */
    Map<String, Object> fields();

    /** A kernel execution finished: its tiles are written and its completion recorded. */
    record TaskDone(String job, String task, String kernel, String worker, int attempt, boolean runAhead, double readSeconds,
                    double computeSeconds, double writeSeconds, long bytesRead, long bytesWritten) implements Event {
        @Override
        public String type() {
            return "task";
        }

        @Override
        public Map<String, Object> fields() {
            return ordered("job", job, "task", task, "kernel", kernel, "worker", worker, "attempt", attempt, "run_ahead", runAhead,
                    "read_s", round(readSeconds), "compute_s", round(computeSeconds), "write_s", round(writeSeconds),
                    "bytes_read", bytesRead, "bytes_written", bytesWritten);
        }
    }

    /** A task failed and was released to be tried again after {@code delaySeconds}. */
    record TaskRetried(String job, String task, int attempt, double delaySeconds, String error) implements Event {
        @Override
        public String type() {
            return "task_retry";
        }

        @Override
        public Map<String, Object> fields() {
            return ordered("job", job, "task", task, "attempt", attempt, "delay_s", round(delaySeconds), "error", error);
        }
    }

    /** A task failed its job (a bad input, a broken tile, or attempts and retry window used up). */
    record JobFailedByTask(String job, String task, int attempt, String reason) implements Event {
        @Override
        public String type() {
            return "job_failed";
        }

        @Override
        public Map<String, Object> fields() {
            return ordered("job", job, "task", task, "attempt", attempt, "reason", reason);
        }
    }

    /** The provisioner looked at the queue and chose a number of workers. */
    record Scaled(long queued, long leased, int running, int target, int launched) implements Event {
        @Override
        public String type() {
            return "scale";
        }

        @Override
        public Map<String, Object> fields() {
            return ordered("queued", queued, "leased", leased, "running", running, "target", target, "launched", launched);
        }
    }

    /** The platform refused to start a worker for now (e.g. Lambda's 429); launching pauses. */
    record Throttled(String launcher, int inARow, double pauseSeconds) implements Event {
        @Override
        public String type() {
            return "throttle";
        }

        @Override
        public Map<String, Object> fields() {
            return ordered("launcher", launcher, "in_a_row", inARow, "pause_s", round(pauseSeconds));
        }
    }

    /** {@code keysAndValues} (key, value, key, value...) as a map in that order. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }
}
