package org.wren4j.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * How {@link BlockMatrix#save(String, SaveOptions)} stores a matrix under a name.
 *
 * @param replace replace a different matrix already stored under the name (default: refuse)
 * @param columnNames names to record for the columns; empty keeps the names the matrix already has
 */
public record SaveOptions(boolean replace, Optional<List<String>> columnNames) {
    private static final SaveOptions DEFAULTS = new SaveOptions(false, Optional.empty());

    public SaveOptions {
        requireNonNull(columnNames, "columnNames is null");
        columnNames = columnNames.map(List::copyOf);
    }

    /** Refuse to replace a different matrix; keep existing column names. */
    public static SaveOptions defaults() {
        return DEFAULTS;
    }

    /** The defaults, but replacing whatever is stored under the name. */
    public static SaveOptions replacing() {
        return DEFAULTS.withReplace(true);
    }

    public SaveOptions withReplace(boolean newReplace) {
        return new SaveOptions(newReplace, columnNames);
    }

    public SaveOptions withColumnNames(List<String> names) {
        return new SaveOptions(replace, Optional.of(names));
    }
}
