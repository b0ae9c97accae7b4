package org.wren4j.interop.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The parts of a library's failure that mean something to a user: its message without object ids, and a file's first bytes. */
final class Reasons {
    /** {@code org.apache...Scheme@1a2b3c}, with Thrift's {@code Struct:} before it: an object id, nothing a user can act on. */
    private static final Pattern OBJECT_ID = Pattern.compile("\\s*(?:Struct:\\s*)?[\\w.$]+@[0-9a-f]{4,}\\b");

    private Reasons() {
    }

    /** The message of {@code e} (or of its first cause that has one) without object ids; the class name if none has one. */
    static String of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                String s = OBJECT_ID.matcher(t.getMessage()).replaceAll("").trim();
                if (!s.isEmpty()) {
                    return s;
                }
            }
        }
        return e.getClass().getSimpleName();
    }

    /** The first {@code n} bytes of {@code file}, fewer if it is shorter. */
    static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    /** Bytes as a user can compare them with a magic string: printable ASCII as is, others as {@code \xNN}. */
    static String printable(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            if (x >= 0x20 && x < 0x7f) {
                b.append((char) x);
            } else {
                b.append(String.format("\\x%02x", x & 0xff));
            }
        }
        return b.toString();
    }
}
