package org.wren4j.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The column names of a stored matrix, kept in a small object beside its manifest because
 * manifest format 1 has no metadata field. Text, one name per line (backslash escapes for
 * newlines and backslashes), headed by the creation time of the manifest it belongs to, so
 * names left over from a deleted matrix of the same name are never attached to a new one.
 */
final class ColumnNamesFile {
    /** Starts with '.', which no matrix name segment may, so it cannot clash with a nested matrix. */
    static final String OBJECT_NAME = ".columns";
    private static final String HEADER = "wren4j-columns 1";

    private ColumnNamesFile() {
    }

    static byte[] encode(Instant manifestCreatedAt, List<String> names) {
        var sb = new StringBuilder(HEADER).append('\n').append(manifestCreatedAt).append('\n');
        for (String n : names) {
            sb.append(n.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The names, if the bytes belong to the manifest created at {@code manifestCreatedAt} and fit {@code cols}. */
    static Optional<List<String>> decode(byte[] bytes, Instant manifestCreatedAt, long cols) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        // header, time, one line per column, and the empty string after the last newline
        if (lines.length != cols + 3 || !lines[0].equals(HEADER) || !lines[1].equals(manifestCreatedAt.toString())) {
            return Optional.empty();
        }
        var names = new ArrayList<String>();
        for (int i = 2; i < lines.length - 1; i++) {
            names.add(unescape(lines[i]));
        }
        return Optional.of(List.copyOf(names));
    }

    private static String unescape(String s) {
        var sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                sb.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
