package org.wren4j.api;

import java.util.List;
import java.util.Locale;

/**
 * Figures of one finished job: tasks in its graph, kernel executions (more than tasks when
 * deliveries were repeated), wall seconds from submission to a durable result, worker-seconds
 * provisioned, peak workers, and tile traffic; for intermediate tiles, the bytes written, the
 * peak bytes alive at once (eager garbage collection deletes a tile when its last reader
 * completes) and the tiles so collected before the job ended; executions of tasks that had been
 * delivered before (a lost lease, a killed worker, a duplicate message).
 *
 * <p>{@link #timeline()} says when each execution read, computed and wrote (the first 100,000 of a
 * job; none for a dry or simulated run), {@link #activity()} how many workers were alive and how
 * many tasks waited in the queue over time, both in seconds from the job's submission.
 *
 * <p>{@link #toString()} reads as a short paragraph with units; {@link #toHtml()} is its notebook
 * form, with a bar of the provisioned worker-seconds spent computing and a chart of the timeline
 * (one lane per worker). Reads and writes of the
 * next and previous tasks overlap a worker's compute (pipelining), so their seconds are shown
 * beside the bar, not stacked in it.
 */
public record JobReport(String jobId, String operation, long tasks, long executions, double seconds,
                        double workerSeconds, long peakWorkers, long bytesRead, long bytesWritten,
                        double readSeconds, double computeSeconds, double writeSeconds,
                        long temporaryBytesWritten, long peakLiveTemporaryBytes, long temporaryTilesCollected,
                        long repeatedExecutions, List<TaskTiming> timeline, List<ActivitySample> activity) {
    public JobReport {
        timeline = List.copyOf(timeline);
        activity = List.copyOf(activity);
    }

    @Override
    public String toString() {
        var sb = new StringBuilder();
        sb.append("job ").append(jobId).append(": ").append(operation).append('\n');
        sb.append(String.format(Locale.ROOT, "  %,d tasks (%,d executions%s) in %s on up to %d worker%s%n", tasks, executions,
                repeatedExecutions == 0 ? "" : String.format(Locale.ROOT, ", %,d repeated", repeatedExecutions),
                Units.seconds(seconds), peakWorkers, peakWorkers == 1 ? "" : "s"));
        sb.append(String.format(Locale.ROOT, "  worker time %s provisioned, %s of it computing (%s); reading tiles %s, writing %s%n",
                Units.seconds(workerSeconds), Units.percent(computeSeconds, workerSeconds), Units.seconds(computeSeconds),
                Units.seconds(readSeconds), Units.seconds(writeSeconds)));
        sb.append(String.format(Locale.ROOT, "  tiles read %s (%s), written %s (%s)%n", Units.bytes(bytesRead), Units.rate(bytesRead, readSeconds),
                Units.bytes(bytesWritten), Units.rate(bytesWritten, writeSeconds)));
        sb.append(String.format(Locale.ROOT, "  intermediate tiles %s written, at most %s alive at once, %,d collected before the end",
                Units.bytes(temporaryBytesWritten), Units.bytes(peakLiveTemporaryBytes), temporaryTilesCollected));
        return sb.toString();
    }

    /** The report as an HTML fragment for notebooks: a table of figures and a bar of the worker time. */
    public String toHtml() {
        var sb = new StringBuilder("<div class=\"wren4j-job\" style=\"font-family:sans-serif;font-size:12px\">");
        sb.append("<div><b>").append(Units.html(operation)).append("</b> <span style=\"color:#666\">job ")
                .append(Units.html(jobId)).append("</span></div>");
        sb.append("<table style=\"border-collapse:collapse\">");
        row(sb, "wall time", Units.seconds(seconds));
        row(sb, "tasks", String.format(Locale.ROOT, "%,d (%,d executions%s)", tasks, executions,
                repeatedExecutions == 0 ? "" : String.format(Locale.ROOT, ", %,d repeated after a lost lease or worker", repeatedExecutions)));
        row(sb, "workers", "up to " + peakWorkers);
        row(sb, "worker time", Units.seconds(workerSeconds) + " provisioned, " + Units.percent(computeSeconds, workerSeconds)
                + " of it computing (" + Units.seconds(computeSeconds) + ")");
        row(sb, "tiles read", Units.bytes(bytesRead) + " in " + Units.seconds(readSeconds) + " (" + Units.rate(bytesRead, readSeconds) + ")");
        row(sb, "tiles written", Units.bytes(bytesWritten) + " in " + Units.seconds(writeSeconds) + " (" + Units.rate(bytesWritten, writeSeconds) + ")");
        row(sb, "intermediates", Units.bytes(temporaryBytesWritten) + " written, peak " + Units.bytes(peakLiveTemporaryBytes)
                + String.format(Locale.ROOT, " alive, %,d collected early", temporaryTilesCollected));
        sb.append("</table>");
        sb.append(timeBar());
        if (!timeline.isEmpty()) {
            sb.append("<div style=\"margin-top:6px\">").append(TimelineChart.svg(timeline, activity)).append("</div>");
        }
        return sb.append("</div>").toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<tr><td style=\"color:#666;padding-right:8px\">").append(key).append("</td><td>").append(Units.html(value)).append("</td></tr>");
    }

    /** One bar as wide as the provisioned worker time: the part spent computing, and the rest. */
    private String timeBar() {
        double total = Math.max(workerSeconds, computeSeconds);
        if (!(total > 0)) {
            return "";
        }
        double width = 360;
        double w = width * computeSeconds / total;
        return String.format(Locale.ROOT, "<svg width=\"%.0f\" height=\"34\" xmlns=\"http://www.w3.org/2000/svg\" style=\"margin-top:6px\">"
                + "<rect x=\"1\" y=\"1\" width=\"%.2f\" height=\"14\" fill=\"#d9d9d9\"/>"
                + "<rect x=\"1\" y=\"1\" width=\"%.2f\" height=\"14\" fill=\"#219ebc\"/>"
                + "<rect x=\"1\" y=\"21\" width=\"9\" height=\"9\" fill=\"#219ebc\"/>"
                + "<text x=\"13\" y=\"30\" font-size=\"10\" font-family=\"sans-serif\">computing %s</text>"
                + "<rect x=\"181\" y=\"21\" width=\"9\" height=\"9\" fill=\"#d9d9d9\"/>"
                + "<text x=\"193\" y=\"30\" font-size=\"10\" font-family=\"sans-serif\">reading, writing, waiting %s</text></svg>",
                width + 2, width, w, Units.html(Units.seconds(computeSeconds)), Units.html(Units.seconds(total - computeSeconds)));
    }
}
