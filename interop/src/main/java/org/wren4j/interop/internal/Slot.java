package org.wren4j.interop.internal;

import java.util.List;
import org.wren4j.interop.TableColumn;

/**
 * One table column a load reads and where its values go: {@code offset} is the first matrix
 * column it fills; {@code categories} is set for one-hot and text-label columns.
 */
public record Slot(TableColumn column, Role role, List<String> categories, int offset) {
    /** What the values of a slot become. */
    public enum Role { FEATURE, ONE_HOT, LABEL, LABEL_CLASSES }

    public Slot {
        categories = categories == null ? null : List.copyOf(categories);
    }

    public String name() {
        return column.name();
    }

    /** Whether the source must hand over category codes rather than numbers. */
    public boolean categorical() {
        return role == Role.ONE_HOT || role == Role.LABEL_CLASSES;
    }

    /** Matrix columns this slot fills. */
    public int width() {
        return switch (role) {
            case FEATURE -> 1;
            case ONE_HOT -> categories.size();
            case LABEL, LABEL_CLASSES -> 0;
        };
    }

    Slot withCategories(List<String> values, int newOffset) {
        return new Slot(column, role, values, newOffset);
    }
}
