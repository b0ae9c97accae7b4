package org.wren4j.interop;

import java.util.EnumSet;
import java.util.Set;

/**
 * Picks table columns for a load: by exact name, by glob over names, or by kind. See
 * {@link LoadOptions.Builder#columns(String...)} for how selectors combine.
 */
public sealed interface ColumnSelector {
    /**
     * Parses one command-line token: {@code kind:integer} (or floating, decimal, boolean, string,
     * numeric) selects by kind, a token with {@code *}, {@code ?} or {@code [} is a glob, anything
     * else an exact name.
     *
     * @throws IllegalArgumentException for an unknown kind or an empty token
     */
    static ColumnSelector parse(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("empty column selector");
        }
        if (token.startsWith("kind:")) {
            String k = token.substring(5).trim().toUpperCase(java.util.Locale.ROOT);
            if (k.equals("NUMERIC")) {
                return new OfKind(EnumSet.of(ColumnKind.INTEGER, ColumnKind.FLOATING, ColumnKind.DECIMAL, ColumnKind.BOOLEAN));
            }
            ColumnKind kind;
            try {
                kind = ColumnKind.valueOf(k);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown column kind '" + token.substring(5)
                        + "' (choose from integer, floating, decimal, boolean, string, numeric)");
            }
            return new OfKind(EnumSet.of(kind));
        }
        if (token.indexOf('*') >= 0 || token.indexOf('?') >= 0 || token.indexOf('[') >= 0) {
            return new Glob(token);
        }
        return new Name(token);
    }

    /** Exactly this column; a load fails if it is missing or cannot be loaded. */
    record Name(String name) implements ColumnSelector {
        public Name {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("column name is null or empty");
            }
        }

        @Override
        public String toString() {
            return "'" + name + "'";
        }
    }

    /**
     * Loadable columns whose names match {@code pattern}: {@code *} any run of characters,
     * {@code ?} one character, {@code [abc]} or {@code [a-z]} one of a set; everything else
     * literal. Columns of other kinds that match are skipped; matching no loadable column fails.
     */
    record Glob(String pattern) implements ColumnSelector {
        public Glob {
            if (pattern == null || pattern.isEmpty()) {
                throw new IllegalArgumentException("glob is null or empty");
            }
        }

        @Override
        public String toString() {
            return "glob '" + pattern + "'";
        }
    }

    /** Every column of these kinds; {@link ColumnKind#STRING} columns are one-hot encoded. */
    record OfKind(Set<ColumnKind> kinds) implements ColumnSelector {
        public OfKind {
            if (kinds == null || kinds.isEmpty()) {
                throw new IllegalArgumentException("kinds is null or empty");
            }
            if (kinds.contains(ColumnKind.OTHER)) {
                throw new IllegalArgumentException("columns of kind OTHER cannot be loaded");
            }
            kinds = Set.copyOf(EnumSet.copyOf(kinds));
        }

        @Override
        public String toString() {
            return "kinds " + kinds;
        }
    }
}
