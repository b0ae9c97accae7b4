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
            var m = new LinkedHashMap<String, Object>();
            m.put("job", job);
            m.put("task", task);
            m.put("kernel", kernel);
            m.put("worker", worker);
            m.put("attempt", attempt);
            m.put("run_ahead", runAhead);
            m.put("read_s", round(readSeconds));
            m.put("compute_s", round(computeSeconds));
            m.put("write_s", round(writeSeconds));
            m.put("bytes_read", bytesRead);
            m.put("bytes_written", bytesWritten);
            return m;
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
            var m = new LinkedHashMap<String, Object>();
            m.put("job", job);
            m.put("task", task);
            m.put("attempt", attempt);
            m.put("delay_s", round(delaySeconds));
            m.put("error", error);
            return m;
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
            var m = new LinkedHashMap<String, Object>();
            m.put("job", job);
            m.put("task", task);
            m.put("attempt", attempt);
            m.put("reason", reason);
            return m;
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
            var m = new LinkedHashMap<String, Object>();
            m.put("queued", queued);
            m.put("leased", leased);
            m.put("running", running);
            m.put("target", target);
            m.put("launched", launched);
            return m;
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
            var m = new LinkedHashMap<String, Object>();
            m.put("launcher", launcher);
            m.put("in_a_row", inARow);
            m.put("pause_s", round(pauseSeconds));
            return m;
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }
}
