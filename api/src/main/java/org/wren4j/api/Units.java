package org.wren4j.api;

import java.util.Locale;

/** Figures as people read them: seconds, bytes in SI units (kB, MB, GB), rates; the one home of these formats. */
final class Units {
    private Units() {
    }

    /** {@code 0.42 ms}, {@code 12.3 ms}, {@code 1.25 s}, {@code 3 min 20 s}, {@code 1 h 05 min}. */
    static String seconds(double s) {
        if (Double.isNaN(s) || s < 0) {
            return "n/a";
        }
        if (s < 1e-3) {
            return String.format(Locale.ROOT, "%.0f µs", s * 1e6);
        }
        if (s < 1) {
            return String.format(Locale.ROOT, "%.3g ms", s * 1e3);
        }
        if (s < 100) {
            return String.format(Locale.ROOT, "%.3g s", s);
        }
        long whole = Math.round(s);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }

    /** {@code 512 B}, {@code 12.4 kB}, {@code 3.20 MB}, {@code 1.07 GB}, {@code 2.5 TB} (powers of 1000). */
    static String bytes(double b) {
        if (Double.isNaN(b) || b < 0) {
            return "n/a";
        }
        if (b < 1000) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = b;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.3g %s", v, units[u]);
    }

    /** Bytes per second: {@code 120 MB/s}. */
    static String rate(double bytes, double seconds) {
        return seconds > 0 ? bytes(bytes / seconds) + "/s" : "n/a";
    }

    /** A share in percent, {@code 87%}. */
    static String percent(double part, double whole) {
        return whole > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * part / whole) : "n/a";
    }

    /** Text made safe inside HTML. */
    static String html(String text) {
        var sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
