package org.wren4j.interop.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.wren4j.interop.ColumnKind;
import org.wren4j.interop.ColumnSelector;
import org.wren4j.interop.InteropException;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.TableColumn;

/**
 * Which table columns a load reads and which matrix columns they become, resolved against a
 * source's schema. Only the columns picked here are ever decoded, so other columns (text,
 * structs, lists) never break a load.
 */
public final class ColumnPlan {
    /** More categories than this would make an unreasonably wide matrix: the user should declare them. */
    public static final int MAX_CATEGORIES = 10_000;

    private final List<Slot> slots;
    private final List<String> dropped;

    private ColumnPlan(List<Slot> slots, List<String> dropped) {
        this.slots = List.copyOf(slots);
        this.dropped = List.copyOf(dropped);
    }

    public List<Slot> slots() {
        return slots;
    }

    /** Slots whose categories must be found by reading the data first. */
    public List<TableColumn> toDiscover() {
        return slots.stream().filter(s -> s.categorical() && s.categories() == null).map(Slot::column).toList();
    }

    /**
     * Resolves {@code options} against {@code schema}.
     *
     * @throws InteropException naming {@code source} and the column if a requested column is
     *     missing or cannot be loaded
     */
    public static ColumnPlan resolve(String source, List<TableColumn> schema, LoadOptions options) {
        Map<String, TableColumn> byName = new LinkedHashMap<>();
        for (TableColumn c : schema) {
            byName.putIfAbsent(c.name(), c);
        }
        String label = options.label().orElse(null);
        var picked = new LinkedHashMap<String, Slot.Role>();
        if (options.columns().isEmpty()) {
            for (TableColumn c : schema) {
                if (c.kind().isNumeric() && !c.name().equals(label)) {
                    picked.putIfAbsent(c.name(), Slot.Role.FEATURE);
                }
            }
        }
        for (ColumnSelector sel : options.columns()) {
            if (sel instanceof ColumnSelector.Name n) {
                TableColumn c = require(source, byName, n.name(), "");
                if (c.name().equals(label)) {
                    throw new InteropException(source, c.name(), -1, "the column is the label; it cannot also be a feature");
                }
                picked.putIfAbsent(c.name(), role(source, c, options));
            } else if (sel instanceof ColumnSelector.Glob g) {
                Pattern p = globToRegex(g.pattern());
                boolean any = false;
                for (TableColumn c : schema) {
                    if (p.matcher(c.name()).matches() && !c.name().equals(label) && loadable(c, options)) {
                        any = true;
                        picked.putIfAbsent(c.name(), role(source, c, options));
                    }
                }
                if (!any) {
                    throw new InteropException(source, "no loadable column matches " + sel + " (columns: " + names(schema) + ")");
                }
            } else if (sel instanceof ColumnSelector.OfKind k) {
                for (TableColumn c : schema) {
                    if (k.kinds().contains(c.kind()) && !c.name().equals(label)) {
                        picked.putIfAbsent(c.name(), c.kind() == ColumnKind.STRING ? Slot.Role.ONE_HOT : role(source, c, options));
                    }
                }
            }
        }
        for (String col : options.oneHot().keySet()) {
            TableColumn c = require(source, byName, col, " (asked for one-hot encoding)");
            if (col.equals(label)) {
                throw new InteropException(source, col, -1, "the column is the label; it cannot also be one-hot encoded");
            }
            picked.putIfAbsent(c.name(), role(source, c, options));
        }
        var slots = new ArrayList<Slot>();
        for (var e : picked.entrySet()) {
            TableColumn c = byName.get(e.getKey());
            List<String> declared = e.getValue() == Slot.Role.ONE_HOT ? emptyToNull(options.oneHot().get(c.name())) : null;
            slots.add(new Slot(c, e.getValue(), declared, -1));
        }
        if (slots.isEmpty()) {
            throw new InteropException(source, "no column to load: the table has no numeric column"
                    + (options.columns().isEmpty() ? "" : " among " + options.columns()) + " (columns: " + names(schema) + ")");
        }
        if (label != null) {
            TableColumn c = require(source, byName, label, " (asked for as the label)");
            if (c.kind().isNumeric()) {
                slots.add(new Slot(c, Slot.Role.LABEL, null, -1));
            } else if (c.kind() == ColumnKind.STRING) {
                slots.add(new Slot(c, Slot.Role.LABEL_CLASSES, emptyToNull(options.labelClasses()), -1));
            } else {
                throw new InteropException(source, c.name(), -1, "the label column is " + c.type() + ", neither numeric nor text");
            }
        }
        var dropped = new ArrayList<String>();
        if (options.columns().isEmpty()) {
            for (TableColumn c : schema) {
                if (c.kind() == ColumnKind.STRING && !picked.containsKey(c.name()) && !c.name().equals(label)) {
                    dropped.add(c.name());
                }
            }
        }
        return new ColumnPlan(slots, dropped).withOffsets();
    }

    /** The plan with discovered categories (sorted: numerically for integer columns) filled in. */
    public ColumnPlan withCategories(String source, Map<String, ? extends Collection<String>> found) {
        var out = new ArrayList<Slot>();
        for (Slot s : slots) {
            if (s.categorical() && s.categories() == null) {
                Collection<String> values = found.get(s.name());
                if (values == null) {
                    throw new IllegalStateException("no categories found for " + s.name());
                }
                if (values.size() > MAX_CATEGORIES) {
                    throw new InteropException(source, s.name(), -1, "the column has " + values.size() + " distinct values, more than "
                            + MAX_CATEGORIES + " one-hot columns; declare the categories to keep with oneHot(column, categories)");
                }
                List<String> sorted = new ArrayList<>(values);
                sorted.sort(s.column().kind() == ColumnKind.INTEGER ? Comparator.comparing(BigInteger::new) : Comparator.naturalOrder());
                out.add(s.withCategories(sorted, -1));
            } else {
                out.add(s);
            }
        }
        return new ColumnPlan(out, dropped).withOffsets();
    }

    private ColumnPlan withOffsets() {
        var out = new ArrayList<Slot>();
        int offset = 0;
        for (Slot s : slots) {
            out.add(s.categories() == null && s.categorical() ? s : s.withCategories(s.categories(), offset));
            if (s.categories() != null || !s.categorical()) {
                offset += s.width();
            }
        }
        return new ColumnPlan(out, dropped);
    }

    /** Text columns a load without a column selection leaves out (one-hot encoding would keep them). */
    public List<String> droppedColumns() {
        return dropped;
    }

    /** Matrix columns of the features. */
    public int width() {
        return slots.stream().mapToInt(s -> s.categories() == null && s.categorical() ? 0 : s.width()).sum();
    }

    public List<String> columnNames() {
        var names = new ArrayList<String>();
        for (Slot s : slots) {
            if (s.role() == Slot.Role.FEATURE) {
                names.add(s.name());
            } else if (s.role() == Slot.Role.ONE_HOT) {
                s.categories().forEach(v -> names.add(s.name() + "=" + v));
            }
        }
        return names;
    }

    public Map<String, List<String>> oneHotMappings() {
        var out = new LinkedHashMap<String, List<String>>();
        slots.stream().filter(s -> s.role() == Slot.Role.ONE_HOT).forEach(s -> out.put(s.name(), s.categories()));
        return out;
    }

    public Optional<Slot> label() {
        return slots.stream().filter(s -> s.role() == Slot.Role.LABEL || s.role() == Slot.Role.LABEL_CLASSES).findFirst();
    }

    private static boolean loadable(TableColumn c, LoadOptions options) {
        return c.kind().isNumeric() || options.oneHot().containsKey(c.name());
    }

    private static Slot.Role role(String source, TableColumn c, LoadOptions options) {
        if (options.oneHot().containsKey(c.name())) {
            if (c.kind() == ColumnKind.STRING || c.kind() == ColumnKind.INTEGER || c.kind() == ColumnKind.BOOLEAN) {
                return Slot.Role.ONE_HOT;
            }
            throw new InteropException(source, c.name(), -1, "one-hot encoding needs a text, integer or boolean column; this one is " + c.type());
        }
        if (c.kind().isNumeric()) {
            return Slot.Role.FEATURE;
        }
        if (c.kind() == ColumnKind.STRING) {
            throw new InteropException(source, c.name(), -1, "the column is text (" + c.type()
                    + "), not numeric; load it one-hot encoded with oneHot(\"" + c.name() + "\") or leave it out");
        }
        throw new InteropException(source, c.name(), -1, "the column is " + c.type() + ", which cannot be loaded as numbers; leave it out");
    }

    private static TableColumn require(String source, Map<String, TableColumn> byName, String name, String why) {
        TableColumn c = byName.get(name);
        if (c == null) {
            throw new InteropException(source, name, -1, "no such column" + why + "; the table has " + names(byName.values()));
        }
        return c;
    }

    private static String names(Collection<TableColumn> columns) {
        String all = columns.stream().limit(50).map(TableColumn::name).collect(Collectors.joining(", ", "[", columns.size() > 50 ? ", ...]" : "]"));
        return columns.size() + " columns " + all;
    }

    private static List<String> emptyToNull(List<String> values) {
        return values == null || values.isEmpty() ? null : values;
    }

    /** {@code *}, {@code ?} and {@code [...]} classes; everything else literal. */
    static Pattern globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, end).replace("\\", "\\\\");
                        re.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
