package org.wren4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options, {@code --flag} switches and positional words, checked against what a command accepts. */
final class Args {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    Args(List<String> argv, Set<String> valued, Set<String> flags) {
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (value != null) {
                        throw new UsageException("option --" + name + " takes no value");
                    }
                    options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= argv.size() || argv.get(i + 1).startsWith("--")) {
                            throw new UsageException("option --" + name + " needs a value");
                        }
                        value = argv.get(++i);
                    }
                    options.put(name, value);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                positional.add(a);
            }
        }
    }

    List<String> positional() {
        return positional;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String string(String name, String def) {
        return options.getOrDefault(name, def);
    }

    long positiveLong(String name, long def) {
        String v = options.get(name);
        if (v == null) {
            return def;
        }
        long x;
        try {
            x = Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
        if (x < 1) {
            throw new UsageException("--" + name + " must be at least 1, got " + x);
        }
        return x;
    }

    int positiveInt(String name, int def) {
        long x = positiveLong(name, def);
        if (x > Integer.MAX_VALUE) {
            throw new UsageException("--" + name + " is too large: " + x);
        }
        return (int) x;
    }

    /** A required finite number {@code > 0}. */
    double positiveDouble(String name) {
        String v = options.get(name);
        double x;
        try {
            x = Double.parseDouble(v == null ? "" : v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new UsageException("--" + name + " must be a finite number above 0, got " + v);
        }
        return x;
    }

    long anyLong(String name, long def) {
        String v = options.get(name);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    boolean has(String name) {
        return options.containsKey(name);
    }
}
