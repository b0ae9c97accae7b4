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
 * and its write as a thin strip below; a time axis in seconds and a legend of the kernels.
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

    private TimelineChart() {
    }

    static String svg(List<TaskTiming> timeline) {
        List<TaskTiming> drawn = timeline.size() <= MAX_DRAWN ? timeline
                : timeline.stream().sorted(Comparator.comparingDouble(TaskTiming::computeStart)).limit(MAX_DRAWN).toList();
        Map<String, Integer> lanes = new LinkedHashMap<>();
        drawn.stream().sorted(Comparator.comparingDouble(TaskTiming::readStart)).forEach(t -> lanes.putIfAbsent(t.worker(), lanes.size()));
        Map<String, String> colours = new LinkedHashMap<>();
        drawn.stream().sorted(Comparator.comparingDouble(TaskTiming::computeStart))
                .forEach(t -> colours.putIfAbsent(t.kernel(), PALETTE[colours.size() % PALETTE.length]));
        double end = drawn.stream().mapToDouble(TaskTiming::writeEnd).max().orElse(0);
        double span = end > 0 ? end : 1;
        double plot = WIDTH - LEFT - 10;
        double axisY = TOP + lanes.size() * LANE + 2;
        double legendY = axisY + 26;
        int legendRows = (colours.size() + 5) / 6;
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
