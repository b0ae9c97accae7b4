package org.wren4j.planner.analysis;

import java.util.Arrays;

/**
 * One task of a program: a kernel call (by statement id, its position in program order) and
 * the values of its enclosing loop variables, outermost first. Immutable.
 */
public final class Node {
    private final int statement;
    private final long[] loop;
    private final int hash;

    public Node(int statement, long... loop) {
        if (statement < 0) {
            throw new IllegalArgumentException("statement must be >= 0, got " + statement);
        }
        this.statement = statement;
        this.loop = loop.clone();
        this.hash = 31 * statement + Arrays.hashCode(this.loop);
    }

    public int statement() {
        return statement;
    }

    public int loopCount() {
        return loop.length;
    }

    public long loop(int i) {
        return loop[i];
    }

    public long[] loopValues() {
        return loop.clone();
    }

    /** A compact, stable text form: {@code s<statement>:<v0>,<v1>,...}; see {@link #parse}. */
    public String key() {
        var sb = new StringBuilder().append('s').append(statement).append(':');
        for (int i = 0; i < loop.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(loop[i]);
        }
        return sb.toString();
    }

    public static Node parse(String key) {
        int colon = key.indexOf(':');
        if (!key.startsWith("s") || colon < 0) {
            throw new IllegalArgumentException("not a task key: '" + key + "'");
        }
        int stmt = Integer.parseInt(key.substring(1, colon));
        String rest = key.substring(colon + 1);
        if (rest.isEmpty()) {
            return new Node(stmt);
        }
        String[] parts = rest.split(",");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i]);
        }
        return new Node(stmt, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && n.statement == statement && n.hash == hash && Arrays.equals(n.loop, loop);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return key();
    }
}
