package org.wren4j.interop;

import java.util.Optional;
import java.util.OptionalLong;
import org.wren4j.api.WrenException;

/**
 * A table could not be turned into a matrix or back: a missing or non-numeric column, a null
 * under {@link NullPolicy#fail()}, a truncated or unreadable file, a schema that differs between
 * files. The message names the source (file or Arrow reader), and where known the column and the
 * row (counted from 0 within that source); the same facts are available as fields.
 */
public class InteropException extends WrenException {
    private final String source;
    private final String column;
    private final long row;

    public InteropException(String source, String column, long row, String message, Throwable cause) {
        super(format(source, column, row, message), cause);
        this.source = source;
        this.column = column;
        this.row = row;
    }

    public InteropException(String source, String column, long row, String message) {
        this(source, column, row, message, null);
    }

    /** An error about a whole source (file, directory or reader). */
    public InteropException(String source, String message, Throwable cause) {
        this(source, null, -1, message, cause);
    }

    public InteropException(String source, String message) {
        this(source, null, -1, message, null);
    }

    private static String format(String source, String column, long row, String message) {
        StringBuilder b = new StringBuilder();
        if (source != null) {
            b.append(source);
        }
        if (column != null) {
            b.append(b.length() > 0 ? ", " : "").append("column '").append(column).append('\'');
        }
        if (row >= 0) {
            b.append(b.length() > 0 ? ", " : "").append("row ").append(row);
        }
        return b.length() == 0 ? message : b.append(": ").append(message).toString();
    }

    /** The file, directory or reader the error is about, e.g. {@code file /data/x.parquet}. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** The row within the source, counted from 0, if the error is about one row. */
    public OptionalLong row() {
        return row >= 0 ? OptionalLong.of(row) : OptionalLong.empty();
    }
}
