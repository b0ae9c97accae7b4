package org.wren4j.exec.sim;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a {@link Profile} as CSV ({@code seconds,ready_tasks,running_workers,busy_workers}) or
 * as a self-contained SVG line chart of the three series over time, in plain Java.
 */
public final class ProfileWriter {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private ProfileWriter() {
    }

    public static void csv(Profile p, Writer out) throws IOException {
        requireNonNull(p, "profile is null");
        out.write("seconds,ready_tasks,running_workers,busy_workers\n");
        for (int i = 0; i < p.size(); i++) {
            out.write(String.format(Locale.ROOT, "%.3f,%d,%d,%d%n", p.seconds(i), p.ready(i), p.running(i), p.busy(i)));
        }
    }

    /** An SVG chart titled {@code title} (escaped): ready tasks, running and busy workers against seconds. */
    public static void svg(Profile p, String title, Writer out) throws IOException {
        requireNonNull(p, "profile is null");
        requireNonNull(title, "title is null");
        double maxT = 1;
        double maxY = 1;
        for (int i = 0; i < p.size(); i++) {
            maxT = Math.max(maxT, p.seconds(i));
            maxY = Math.max(maxY, Math.max(p.ready(i), p.running(i)));
        }
        maxY = nice(maxY);
        maxT = nice(maxT);
        int w = WIDTH - LEFT - RIGHT;
        int h = HEIGHT - TOP - BOTTOM;
        var sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        for (int k = 0; k <= 5; k++) {
            double y = TOP + h - h * k / 5.0;
            double x = LEFT + w * k / 5.0;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, y, LEFT + w, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4, label(maxY * k / 5)));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP + h + 18, label(maxT * k / 5)));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n", LEFT, TOP, w, h));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds</text>%n", LEFT + w / 2, HEIGHT - 10));
        String[] names = {"ready tasks", "running workers", "busy workers"};
        String[] colors = {"#d62728", "#1f77b4", "#2ca02c"};
        for (int s = 0; s < 3; s++) {
            sb.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colors[s]).append("\" points=\"");
            for (int i = 0; i < p.size(); i++) {
                double v = s == 0 ? p.ready(i) : s == 1 ? p.running(i) : p.busy(i);
                sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + w * p.seconds(i) / maxT, TOP + h - h * Math.min(v, maxY) / maxY));
            }
            sb.append("\"/>\n");
            int lx = LEFT + 10 + 150 * s;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    lx, TOP + 12, lx + 20, TOP + 12, colors[s]));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", lx + 25, TOP + 16, names[s]));
        }
        sb.append("</svg>\n");
        out.write(sb.toString());
    }

    /** The next of 1, 2, 5 times a power of ten at or above {@code v}. */
    static double nice(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String label(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%d", (long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
