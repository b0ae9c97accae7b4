package org.wren4j.cli;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API as text, one signature a line, and what changed between two such texts. A line
 * is {@code owner: declaration}, the declaration as {@link Class#toGenericString()} and
 * {@link Executable#toGenericString()} print it (modifiers, generic types, throws) with the
 * owner's name left out of member names; a class line adds {@code sealed} and its generic supertypes.
 */
final class ApiBaseline {
    /** Lines that start with this are comments of the baseline file. */
    static final String COMMENT = "#";

    private ApiBaseline() {
    }

    /** Every exposed signature of {@code classes}, sorted. */
    static List<String> signatures(List<Class<?>> classes) {
        var out = new TreeSet<String>();
        for (Class<?> c : classes) {
            String owner = c.getName() + ": ";
            out.add(owner + declaration(c));
            for (Field f : PublicApi.exposedFields(c)) {
                out.add(owner + f.toGenericString().replace(c.getTypeName() + "." + f.getName(), f.getName()));
            }
            for (Executable e : PublicApi.exposedExecutables(c)) {
                String s = e.toGenericString();
                String memberName = c.getTypeName() + "." + e.getName() + "(";
                out.add(owner + (s.contains(memberName) ? s.replace(memberName, e.getName() + "(") : s));
            }
        }
        return List.copyOf(out);
    }

    private static String declaration(Class<?> c) {
        var s = new StringBuilder(c.toGenericString());
        if (c.isSealed()) {
            s.insert(s.indexOf(c.isInterface() ? "interface" : c.isRecord() ? "record" : c.isEnum() ? "enum" : "class"), "sealed ");
        }
        Type sup = c.getGenericSuperclass();
        if (sup != null && sup != Object.class && sup != Record.class && !c.isEnum()) {
            s.append(" extends ").append(sup.getTypeName());
        }
        Type[] interfaces = c.getGenericInterfaces();
        if (interfaces.length > 0) {
            s.append(c.isInterface() ? " extends " : " implements ");
            s.append(Stream.of(interfaces).map(Type::getTypeName).sorted().collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    /**
     * What changed from {@code baseline} to {@code current}. Breaking: a line that is gone (removed,
     * or changed: the new form is then an addition), and an abstract member added to an existing
     * type that users may implement or extend (neither sealed nor final). Additions: the other new lines.
     */
    static Diff diff(List<String> baseline, List<String> current) {
        Set<String> before = significant(baseline);
        Set<String> after = significant(current);
        var removed = new ArrayList<String>();
        for (String line : before) {
            if (!after.contains(line)) {
                removed.add(line);
            }
        }
        var breakingAdditions = new ArrayList<String>();
        var additions = new ArrayList<String>();
        for (String line : after) {
            if (before.contains(line)) {
                continue;
            }
            String owner = owner(line);
            boolean existed = before.stream().anyMatch(l -> owner(l).equals(owner));
            if (existed && line.contains(" abstract ") && implementable(owner, after)) {
                breakingAdditions.add(line);
            } else {
                additions.add(line);
            }
        }
        return new Diff(removed, breakingAdditions, additions);
    }

    private static Set<String> significant(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith(COMMENT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String owner(String line) {
        int colon = line.indexOf(": ");
        return colon < 0 ? line : line.substring(0, colon);
    }

    /** Whether code outside wren4j may implement or extend {@code owner}: its declaration is not sealed, final, a record or an enum. */
    private static boolean implementable(String owner, Set<String> lines) {
        Pattern declaration = Pattern.compile(Pattern.quote(owner) + ": (\\S+ )*(class|interface|enum|record) " + Pattern.quote(owner) + "(<.*| .*|)");
        return lines.stream()
                .filter(l -> declaration.matcher(l).matches())
                .noneMatch(l -> l.matches(".*: (\\S+ )*(sealed|final|enum|record) .*"));
    }

    /** The lines that changed, each list sorted. */
    record Diff(List<String> removed, List<String> breakingAdditions, List<String> additions) {
        Diff {
            removed = List.copyOf(removed);
            breakingAdditions = List.copyOf(breakingAdditions);
            additions = List.copyOf(additions);
        }

        boolean isEmpty() {
            return removed.isEmpty() && breakingAdditions.isEmpty() && additions.isEmpty();
        }

        boolean isBreaking() {
            return !removed.isEmpty() || !breakingAdditions.isEmpty();
        }

        /** A report for people: breaking changes first and called so, then additions. */
        String report() {
            var s = new StringBuilder();
            if (isBreaking()) {
                s.append("BREAKING changes (code compiled against the baseline may no longer compile or link):\n");
                section(s, "removed or changed (the new form, if any, is under additions)", "- ", removed);
                section(s, "abstract members added to types users may implement or extend", "+ ", breakingAdditions);
            }
            section(s, "Additions", "+ ", additions);
            return s.toString();
        }

        private static void section(StringBuilder s, String title, String mark, List<String> lines) {
            if (!lines.isEmpty()) {
                s.append("  ").append(title).append(" (").append(lines.size()).append("):\n");
                lines.forEach(l -> s.append("    ").append(mark).append(l).append('\n'));
            }
        }
    }
}
