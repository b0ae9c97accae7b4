package org.wren4j.exec.services;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wren4j.tiles.internal.JsonWriter;

/** A JSON object of string values only, e.g. a Lambda event naming the services: written and read without a library. */
public final class FlatJson {
    private FlatJson() {
    }

    public static String write(Map<String, String> map) {
        return JsonWriter.flatObject(map);
    }

    /** @throws IllegalArgumentException if {@code json} is not an object of string values */
    public static Map<String, String> read(String json) {
        var p = new Parser(json.strip());
        Map<String, String> out = new LinkedHashMap<>();
        p.expect('{');
        p.skipSpace();
        if (p.peek() == '}') {
            p.pos++;
            return out;
        }
        while (true) {
            p.skipSpace();
            String key = p.string();
            p.skipSpace();
            p.expect(':');
            p.skipSpace();
            out.put(key, p.string());
            p.skipSpace();
            char c = p.next();
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected ',' or '}' at " + (p.pos - 1) + " in " + json);
            }
        }
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        char peek() {
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unexpected end of JSON: " + s);
            }
            return s.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (pos - 1) + " in " + s);
            }
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        String string() {
            expect('"');
            var sb = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }
    }
}
