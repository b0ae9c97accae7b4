package org.wren4j.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job's timeline as an SVG chart: one lane per worker, in the order the workers started; in
 * each lane a bar per execution, coloured by kernel, with its read drawn as a thin strip above
 * and its write as a thin strip below; under the lanes the parallelism profile (tasks computing,
 * workers alive, tasks queued); a time axis in seconds and a legend.
 */
final class TimelineChart {
    /** Executions drawn at most: past that a notebook's page grows slow, and the bars get thinner than a pixel. */
    static final int MAX_DRAWN = 5000;
    private static final String[] PALETTE = {"#219ebc", "#fb8500", "#8338ec", "#2a9d8f", "#e63946", "#6c757d", "#3a86ff", "#bc6c25"};
    private static final String READ = "#8ecae6";
    private static final String WRITE = "#ffb703";
    private static final double WIDTH = 720;
    private static final double LEFT = 70;
    private static final double LANE = 16;
    private static final double TOP = 4;
    private static final double PROFILE = 60;
    private static final String COMPUTING = "#80b918";
    private static final String WORKERS = "#333333";
    private static final String QUEUED = "#ff006e";

    private TimelineChart() {
    }

    static String svg(List<TaskTiming> timeline) {
        return svg(timeline, List.of());
    }

    /**
     * The lanes, and under them the job's parallelism profile: tasks computing (from the
     * timeline), workers alive, and tasks waiting in the queue (on the right-hand scale) where known.
     */
    static String svg(List<TaskTiming> timeline, List<ActivitySample> activity) {
        List<TaskTiming> drawn = timeline.size() <= MAX_DRAWN ? timeline
                : timeline.stream().sorted(Comparator.comparingDouble(TaskTiming::computeStart)).limit(MAX_DRAWN).toList();
        Map<String, Integer> lanes = new LinkedHashMap<>();
        drawn.stream().sorted(Comparator.comparingDouble(TaskTiming::readStart)).forEach(t -> lanes.putIfAbsent(t.worker(), lanes.size()));
        Map<String, String> colours = new LinkedHashMap<>();
        drawn.stream().sorted(Comparator.comparingDouble(TaskTiming::computeStart))
                .forEach(t -> colours.putIfAbsent(t.kernel(), PALETTE[colours.size() % PALETTE.length]));
        double end = Math.max(drawn.stream().mapToDouble(TaskTiming::writeEnd).max().orElse(0),
                activity.stream().mapToDouble(ActivitySample::seconds).max().orElse(0));
        double span = end > 0 ? end : 1;
        double plot = WIDTH - LEFT - 40;
        double profileTop = TOP + lanes.size() * LANE + 8;
        double axisY = profileTop + PROFILE + 2;
        double legendY = axisY + 26;
        int legendRows = (colours.size() + 5 + 3) / 6;
        double height = legendY + legendRows * 14 + (drawn.size() < timeline.size() ? 14 : 0);
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg width=\"%.0f\" height=\"%.0f\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "font-family=\"sans-serif\" font-size=\"10\">", WIDTH, height));
        for (var lane : lanes.entrySet()) {
            double y = TOP + lane.getValue() * LANE;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\"><title>%s</title>worker %d</text>",
                    LEFT - 6, y + 11, Units.html(lane.getKey()), lane.getValue() + 1));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" fill=\"#f4f4f4\"/>",
                    LEFT, y + 1, plot, LANE - 2));
        }
        profile(sb, timeline, activity, profileTop, span, plot);
        for (TaskTiming t : drawn) {
            double y = TOP + lanes.get(t.worker()) * LANE;
            bar(sb, x(t.readStart(), span, plot), x(t.readEnd(), span, plot), y + 1, 2.5, READ, null);
            bar(sb, x(t.computeStart(), span, plot), x(t.computeEnd(), span, plot), y + 3.5, LANE - 7, colours.get(t.kernel()),
                    t.kernel() + " " + t.task() + String.format(Locale.ROOT, ": %.3f s", t.computeSeconds()));
            bar(sb, x(t.computeEnd(), span, plot), x(t.writeEnd(), span, plot), y + LANE - 3.5, 2.5, WRITE, null);
        }
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#666\"/>", LEFT, axisY, LEFT + plot, axisY));
        double step = tickStep(span);
        for (double s = 0; s <= span * 1.0001; s += step) {
            double x = LEFT + s / span * plot;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#666\"/>", x, axisY, x, axisY + 3));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", x, axisY + 13, tick(s, step)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">seconds</text>", LEFT - 14, axisY + 13));
        List<String[]> legend = new ArrayList<>();
        legend.add(new String[] {"read", READ});
        colours.forEach((k, c) -> legend.add(new String[] {k, c}));
        legend.add(new String[] {"write", WRITE});
        legend.add(new String[] {"tasks computing", COMPUTING});
        legend.add(new String[] {"workers alive", WORKERS});
        if (activity.stream().anyMatch(a -> a.queued() >= 0)) {
            legend.add(new String[] {"tasks queued (right)", QUEUED});
        }
        for (int i = 0; i < legend.size(); i++) {
            double x = LEFT + (i % 6) * 105;
            double y = legendY + (i / 6) * 14 - 9;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.1f\" width=\"9\" height=\"9\" fill=\"%s\"/>", x, y, legend.get(i)[1]));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.1f\">%s</text>", x + 12, y + 8, Units.html(legend.get(i)[0])));
        }
        if (drawn.size() < timeline.size()) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.1f\" fill=\"#666\">the first %,d of %,d executions</text>",
                    LEFT, height - 3, drawn.size(), timeline.size()));
        }
        return sb.append("</svg>").toString();
    }

    /** The parallelism panel: step lines over time, workers and computing tasks on the left scale, queued tasks on the right. */
    private static void profile(StringBuilder sb, List<TaskTiming> timeline, List<ActivitySample> activity, double top, double span,
                                double plot) {
        List<double[]> computing = computing(timeline);
        List<double[]> workers = activity.stream().map(a -> new double[] {a.seconds(), a.workers()}).toList();
        List<double[]> queued = activity.stream().filter(a -> a.queued() >= 0).map(a -> new double[] {a.seconds(), a.queued()}).toList();
        double left = Math.max(1, Math.max(max(computing), max(workers)));
        double right = Math.max(1, max(queued));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.1f\" width=\"%.0f\" height=\"%.0f\" fill=\"#fafafa\" stroke=\"#ddd\"/>",
                LEFT, top, plot, PROFILE));
        sb.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%d</text>", LEFT - 4, top + 8, (long) left));
        sb.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">0</text>", LEFT - 4, top + PROFILE));
        if (!queued.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.1f\" fill=\"%s\">%d</text>", LEFT + plot + 4, top + 8, QUEUED,
                    (long) right));
        }
        steps(sb, computing, top, left, span, plot, COMPUTING, true);
        steps(sb, workers, top, left, span, plot, WORKERS, false);
        steps(sb, queued, top, right, span, plot, QUEUED, false);
    }

    /** Tasks computing over time: +1 at each compute start, -1 at each end. */
    private static List<double[]> computing(List<TaskTiming> timeline) {
        var events = new ArrayList<double[]>(2 * timeline.size());
        for (TaskTiming t : timeline) {
            events.add(new double[] {t.computeStart(), 1});
            events.add(new double[] {t.computeEnd(), -1});
        }
        events.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
        var out = new ArrayList<double[]>(events.size() + 1);
        double level = 0;
        for (double[] e : events) {
            level += e[1];
            if (!out.isEmpty() && out.get(out.size() - 1)[0] == e[0]) {
                out.get(out.size() - 1)[1] = level;
            } else {
                out.add(new double[] {e[0], level});
            }
        }
        return out;
    }

    private static double max(List<double[]> points) {
        return points.stream().mapToDouble(p -> p[1]).max().orElse(0);
    }

    /** A step line (or filled area) through {@code points} (time, value), value {@code scale} at the top of the panel. */
    private static void steps(StringBuilder sb, List<double[]> points, double top, double scale, double span, double plot, String colour,
                              boolean filled) {
        if (points.isEmpty()) {
            return;
        }
        double bottom = top + PROFILE;
        var d = new StringBuilder();
        double prevY = bottom;
        d.append(String.format(Locale.ROOT, "M%.2f %.2f", x(points.get(0)[0], span, plot), bottom));
        for (double[] p : points) {
            double x = x(p[0], span, plot);
            double y = bottom - p[1] / scale * (PROFILE - 2);
            d.append(String.format(Locale.ROOT, " L%.2f %.2f L%.2f %.2f", x, prevY, x, y));
            prevY = y;
        }
        double endX = filled ? x(points.get(points.size() - 1)[0], span, plot) : LEFT + plot;
        d.append(String.format(Locale.ROOT, " L%.2f %.2f", endX, prevY));
        if (filled) {
            d.append(String.format(Locale.ROOT, " L%.2f %.2f Z", endX, bottom));
            sb.append("<path d=\"").append(d).append("\" fill=\"").append(colour).append("\" fill-opacity=\"0.5\" stroke=\"none\"/>");
        } else {
            sb.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"/>");
        }
    }

    private static double x(double seconds, double span, double plot) {
        return LEFT + Math.max(0, seconds) / span * plot;
    }

    /** A bar at least a third of a pixel wide, so a short task still shows. */
    private static void bar(StringBuilder sb, double x0, double x1, double y, double h, String fill, String title) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%s\">", x0, y,
                Math.max(x1 - x0, 0.35), h, fill));
        if (title != null) {
            sb.append("<title>").append(Units.html(title)).append("</title>");
        }
        sb.append("</rect>");
    }

    /** 1, 2 or 5 times a power of ten, giving 4 to 10 ticks. */
    static double tickStep(double span) {
        double raw = span / 6;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    private static String tick(double s, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%." + decimals + "f", s);
    }
}
