package org.wren4j.api;


import java.util.Locale;
import org.wren4j.planner.expr.Structure;

/**
 * What a notebook shows for a {@link BlockMatrix}: shape, tiles, kind, state, where it lives, a
 * small drawing of its tile grid and, once computed, the top-left corner of its values. Drawing
 * it never computes anything and reads at most one tile.
 *
 * @param corner the top-left values (at most {@link #CORNER} x {@link #CORNER}), or null while lazy
 *     or when they could not be read ({@code note} says why)
 */
record MatrixCard(long rows, long cols, int blockSize, Structure structure, State state, String detail, String where,
                  double[][] corner, String note) {
    /** Rows and columns of values shown. */
    static final int CORNER = 6;
    /** Longest side of the grid drawing, in pixels. */
    private static final int SIDE = 140;
    /** Most tiles drawn one by one; a larger grid is drawn as its outline and kind. */
    private static final int MAX_CELLS = 32 * 32;

    enum State {
        /** An expression not yet run. */
        LAZY,
        /** Computed, under a name the session generated (scratch). */
        COMPUTED,
        /** Declared with a shape but no tiles ({@link Wren#placeholder}). */
        PLACEHOLDER,
        /** Stored under a name a person chose, with its manifest. */
        STORED,
        /** Kept by {@link BlockMatrix#persist()}: later jobs read these tiles instead of computing it again. */
        PERSISTED
    }

    long tileRows() {
        return (rows + blockSize - 1) / blockSize;
    }

    long tileCols() {
        return (cols + blockSize - 1) / blockSize;
    }

    /** The card as an HTML fragment (the grid as inline SVG: notebooks show no bare SVG output). */
    String html() {
        var sb = new StringBuilder();
        sb.append("<div class=\"wren4j-matrix\" style=\"font-family:sans-serif;font-size:12px\">");
        sb.append("<div style=\"display:flex;gap:18px;align-items:flex-start\">");
        sb.append("<table style=\"border-collapse:collapse\">");
        sb.append("<tr><th colspan=\"2\" style=\"text-align:left\">BlockMatrix</th></tr>");
        row(sb, "shape", String.format(Locale.ROOT, "%,d × %,d", rows, cols));
        row(sb, "tiles", String.format(Locale.ROOT, "%,d × %,d of %,d × %,d", tileRows(), tileCols(), blockSize, blockSize));
        row(sb, "dtype", "float64");
        row(sb, "size", Units.bytes(8.0 * rows * cols) + (stored() < 1 ? " (" + Units.bytes(8.0 * rows * cols * stored()) + " stored)" : ""));
        row(sb, "kind", kind());
        row(sb, "state", stateText());
        row(sb, "store", where);
        sb.append("</table>");
        sb.append(svg());
        sb.append("</div>");
        if (corner != null) {
            sb.append(cornerHtml());
        } else if (note != null) {
            sb.append("<div style=\"color:#666\">").append(Units.html(note)).append("</div>");
        }
        return sb.append("</div>").toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<tr><td style=\"color:#666;padding-right:8px\">").append(key).append("</td><td>").append(Units.html(value)).append("</td></tr>");
    }

    private String kind() {
        return switch (structure) {
            case GENERAL -> "general";
            case LOWER -> "lower-triangular (tiles above the diagonal are zero, not stored)";
            case UPPER -> "upper-triangular (tiles below the diagonal are zero, not stored)";
            case SYMMETRIC, PSD, SPD -> structure.label() + " (lower tiles stored, the upper ones are their transposes)";
        };
    }

    private String stateText() {
        return switch (state) {
            case LAZY -> "lazy, not computed: " + detail;
            case COMPUTED -> "computed: " + detail;
            case PLACEHOLDER -> "placeholder " + detail + ", no tiles";
            case STORED -> "stored as '" + detail + "'";
            case PERSISTED -> "persisted: " + detail;
        };
    }

    /** The share of tiles stored: about half for a triangular or symmetric matrix, all for a general one. */
    private double stored() {
        if (structure == Structure.GENERAL) {
            return 1;
        }
        double t = tileRows();
        return (t * (t + 1) / 2) / (t * t);
    }

    private String svg() {
        double w = cols >= rows ? SIDE : Math.max(16, SIDE * (double) cols / rows);
        double h = rows >= cols ? SIDE : Math.max(16, SIDE * (double) rows / cols);
        String fill = state == State.LAZY || state == State.PLACEHOLDER ? "#eef3f7" : "#8ecae6";
        String mirrored = state == State.LAZY || state == State.PLACEHOLDER ? "#f6f9fb" : "#d4ecf5";
        String stroke = state == State.LAZY || state == State.PLACEHOLDER ? "stroke-dasharray=\"4 3\" " : "";
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg width=\"%.0f\" height=\"%.0f\" viewBox=\"-1 -1 %.1f %.1f\" xmlns=\"http://www.w3.org/2000/svg\">",
                w + 2, h + 2, w + 2, h + 2));
        long tr = tileRows();
        long tc = tileCols();
        if (tr * tc <= MAX_CELLS) {
            for (long i = 0; i < tr; i++) {
                for (long j = 0; j < tc; j++) {
                    String f = cellFill(i, j, fill, mirrored);
                    if (f == null) {
                        continue;
                    }
                    double x0 = w * j * blockSize / cols;
                    double x1 = w * Math.min(cols, (j + 1) * blockSize) / cols;
                    double y0 = h * i * blockSize / rows;
                    double y1 = h * Math.min(rows, (i + 1) * blockSize) / rows;
                    if (i == j && structure != Structure.GENERAL) {
                        // a diagonal tile is itself triangular (or holds both triangles of a symmetric matrix)
                        if (structure == Structure.UPPER) {
                            triangle(sb, x0, y0, x1, y0, x1, y1, fill);
                        } else {
                            triangle(sb, x0, y0, x0, y1, x1, y1, fill);
                            if (structure != Structure.LOWER) {
                                triangle(sb, x0, y0, x1, y0, x1, y1, mirrored);
                            }
                        }
                        continue;
                    }
                    sb.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.6\"/>",
                            x0, y0, x1 - x0, y1 - y0, f));
                }
            }
        } else {
            switch (structure) {
                case GENERAL -> sb.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>", w, h, fill));
                case LOWER -> triangle(sb, 0, 0, 0, h, w, h, fill);
                case UPPER -> triangle(sb, 0, 0, w, 0, w, h, fill);
                default -> {
                    triangle(sb, 0, 0, w, 0, w, h, mirrored);
                    triangle(sb, 0, 0, 0, h, w, h, fill);
                }
            }
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%.2f\" height=\"%.2f\" fill=\"none\" stroke=\"#555\" stroke-width=\"1\" %s/>", w, h, stroke));
        return sb.append("</svg>").toString();
    }

    /** The colour of tile (i, j), or null for a zero tile that is not stored. */
    private String cellFill(long i, long j, String fill, String mirrored) {
        return switch (structure) {
            case GENERAL -> fill;
            case LOWER -> i >= j ? fill : null;
            case UPPER -> i <= j ? fill : null;
            case SYMMETRIC, PSD, SPD -> i >= j ? fill : mirrored;
        };
    }

    private static void triangle(StringBuilder sb, double x0, double y0, double x1, double y1, double x2, double y2, String fill) {
        sb.append(String.format(Locale.ROOT, "<polygon points=\"%.2f,%.2f %.2f,%.2f %.2f,%.2f\" fill=\"%s\"/>", x0, y0, x1, y1, x2, y2, fill));
    }

    private String cornerHtml() {
        var sb = new StringBuilder("<table style=\"border-collapse:collapse;margin-top:6px;font-family:monospace\">");
        int r = corner.length;
        int c = r == 0 ? 0 : corner[0].length;
        boolean moreCols = c < cols;
        for (int i = 0; i < r; i++) {
            sb.append("<tr>");
            for (int j = 0; j < c; j++) {
                sb.append("<td style=\"text-align:right;padding:0 6px\">").append(Units.html(value(corner[i][j]))).append("</td>");
            }
            if (moreCols) {
                sb.append("<td>⋯</td>");
            }
            sb.append("</tr>");
        }
        if (r < rows) {
            sb.append("<tr>");
            for (int j = 0; j < c; j++) {
                sb.append("<td style=\"text-align:right;padding:0 6px\">⋮</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</table>").toString();
    }

    static String value(double v) {
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.5g", v);
    }
}
