package org.wren4j.tiles.internal;

import java.util.List;
import java.util.Map;

/**
 * Internal (not API): the one small JSON writer of wren4j, for manifests, one-line figures and
 * Lambda events. Output is one line; tests and README examples parse it, so keep it stable.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /**
     * {@code {"k": v, "k2": v2}}: numbers and booleans as they print, a NaN or infinite double
     * and null as {@code null}, lists as arrays, anything else as its quoted {@code toString()}.
     */
    public static String object(Map<String, ?> fields) {
        var sb = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(quote(k)).append(": ").append(value(v));
        });
        return sb.append('}').toString();
    }

    /** {@code {"k":"v","k2":"v2"}}, without spaces. */
    public static String flatObject(Map<String, String> fields) {
        var sb = new StringBuilder("{");
        for (var e : fields.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, e.getKey());
            sb.append(':');
            quote(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : Double.toString(d);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(JsonWriter::value).toList()) + "]";
        }
        return quote(v.toString());
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        return quote(new StringBuilder(s.length() + 2), s).toString();
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
