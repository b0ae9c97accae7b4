package org.wren4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A one-line JSON object writer for figures, in insertion order: {@code {"k": v, "k2": v2}}.
 * Numbers and booleans print as they are, a NaN or infinite double and null as {@code null},
 * lists as arrays, anything else as its quoted {@code toString()}. Scripts parse these lines.
 */
final class Json {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Json put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    @Override
    public String toString() {
        var sb = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(quote(k)).append(": ").append(value(v));
        });
        return sb.append('}').toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : d.toString();
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? "null" : f.toString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(Json::value).toList()) + "]";
        }
        return quote(v.toString());
    }

    /** {@code s} as a JSON string literal, quotes included. */
    static String quote(String s) {
        var sb = new StringBuilder(s.length() + 2).append('"');
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
        return sb.append('"').toString();
    }
}
