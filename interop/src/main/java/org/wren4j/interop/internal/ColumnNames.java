package org.wren4j.interop.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Column names for an exported matrix: the given ones, checked, or {@code c0 .. c(n-1)}. */
public final class ColumnNames {
    private ColumnNames() {
    }

    public static List<String> forExport(List<String> names, long cols) {
        if (names == null || names.isEmpty()) {
            var out = new ArrayList<String>();
            for (long c = 0; c < cols; c++) {
                out.add("c" + c);
            }
            return out;
        }
        if (names.size() != cols) {
            throw new IllegalArgumentException(names.size() + " column names given for a matrix of " + cols + " columns");
        }
        var seen = new HashSet<String>();
        for (String n : names) {
            if (n == null || n.isEmpty()) {
                throw new IllegalArgumentException("column names must not be null or empty: " + names);
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException("column name '" + n + "' appears twice");
            }
        }
        return List.copyOf(names);
    }
}
