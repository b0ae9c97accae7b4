package org.wren4j.interop;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to turn a table into a matrix. {@link #defaults()} loads every numeric column (integers,
 * floats, decimals, booleans) as float64, fails on nulls and on NaN or infinite values, and uses the session's block size.
 *
 * @param columns which columns, in order; empty means every numeric column in table order
 * @param oneHot text (or integer) columns to one-hot encode, each with its categories in the
 *     order of their matrix columns, or an empty list to use every value found, sorted
 * @param label a column to split off as an {@code n x 1} label matrix
 * @param labelClasses for a text label, its classes (value {@code k} of the label matrix stands for
 *     class {@code k}), or an empty list to use every value found, sorted
 * @param nullPolicy what a null does
 * @param nonFinite what a NaN or infinity read from the table does
 * @param blockSize the tile edge of the loaded matrices; 0 means the session's default
 */
public record LoadOptions(List<ColumnSelector> columns, Map<String, List<String>> oneHot, Optional<String> label,
        List<String> labelClasses, NullPolicy nullPolicy, NonFinitePolicy nonFinite, int blockSize) {
    private static final LoadOptions DEFAULTS = builder().build();

    public LoadOptions {
        columns = List.copyOf(columns);
        var copy = new LinkedHashMap<String, List<String>>();
        oneHot.forEach((k, v) -> copy.put(requireNonNull(k, "one-hot column is null"), List.copyOf(v)));
        oneHot = Collections.unmodifiableMap(copy);
        requireNonNull(label, "label is null");
        labelClasses = List.copyOf(labelClasses);
        requireNonNull(nullPolicy, "nullPolicy is null");
        requireNonNull(nonFinite, "nonFinite is null");
        if (blockSize < 0) {
            throw new IllegalArgumentException("block size must be >= 1 (or 0 for the session default), got " + blockSize);
        }
    }

    public static LoadOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder mutate() {
        Builder b = new Builder();
        b.columns.addAll(columns);
        b.oneHot.putAll(oneHot);
        b.label = label.orElse(null);
        b.labelClasses = labelClasses;
        b.nullPolicy = nullPolicy;
        b.nonFinite = nonFinite;
        b.blockSize = blockSize;
        return b;
    }

    /**
     * Builds {@link LoadOptions}. Selectors add columns in the order they are given (within one
     * selector, in table order); a column picked twice appears once. One-hot columns are always
     * loaded, after the selected ones unless a selector placed them. The label column is never a
     * feature unless named explicitly.
     */
    public static final class Builder {
        private final List<ColumnSelector> columns = new ArrayList<>();
        private final Map<String, List<String>> oneHot = new LinkedHashMap<>();
        private String label;
        private List<String> labelClasses = List.of();
        private NullPolicy nullPolicy = NullPolicy.fail();
        private NonFinitePolicy nonFinite = NonFinitePolicy.FAIL;
        private int blockSize;

        private Builder() {
        }

        /** These columns, by exact name. */
        public Builder columns(String... names) {
            for (String n : names) {
                columns.add(new ColumnSelector.Name(n));
            }
            return this;
        }

        /** Loadable columns whose names match the glob (see {@link ColumnSelector.Glob}). */
        public Builder columnsMatching(String glob) {
            columns.add(new ColumnSelector.Glob(glob));
            return this;
        }

        /** Every column of these kinds. */
        public Builder columnsOfKind(ColumnKind first, ColumnKind... rest) {
            columns.add(new ColumnSelector.OfKind(EnumSet.of(first, rest)));
            return this;
        }

        public Builder select(ColumnSelector selector) {
            columns.add(requireNonNull(selector, "selector is null"));
            return this;
        }

        /** One-hot encode {@code column} with every value found in the table, sorted. */
        public Builder oneHot(String column) {
            return oneHot(column, List.of());
        }

        /**
         * One-hot encode {@code column} with exactly these categories, in this order; a value not
         * among them fails the load. Needed for one-pass Arrow streams, which cannot be read twice.
         */
        public Builder oneHot(String column, List<String> categories) {
            requireNonNull(column, "column is null");
            oneHot.put(column, checkDistinct(column, categories));
            return this;
        }

        /** Split this column off as the label (text labels become class indices). */
        public Builder label(String column) {
            return label(column, List.of());
        }

        /** Split this text column off as the label, with exactly these classes, in this order. */
        public Builder label(String column, List<String> classes) {
            this.label = requireNonNull(column, "column is null");
            this.labelClasses = checkDistinct(column, classes);
            return this;
        }

        private static List<String> checkDistinct(String column, List<String> values) {
            List<String> copy = List.copyOf(values);
            if (copy.stream().distinct().count() != copy.size()) {
                throw new IllegalArgumentException("categories of '" + column + "' repeat a value: " + values);
            }
            return copy;
        }

        public Builder nullPolicy(NullPolicy policy) {
            this.nullPolicy = requireNonNull(policy, "policy is null");
            return this;
        }

        /** What a NaN or infinity does; {@link NonFinitePolicy#FAIL} unless set. */
        public Builder nonFinite(NonFinitePolicy policy) {
            this.nonFinite = requireNonNull(policy, "policy is null");
            return this;
        }

        public Builder blockSize(int blockSize) {
            if (blockSize < 1) {
                throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
            }
            this.blockSize = blockSize;
            return this;
        }

        public LoadOptions build() {
            return new LoadOptions(columns, oneHot, Optional.ofNullable(label), labelClasses, nullPolicy, nonFinite, blockSize);
        }
    }
}
