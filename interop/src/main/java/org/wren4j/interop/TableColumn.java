package org.wren4j.interop;

/**
 * One top-level column of a table as a load sees it.
 *
 * @param name the column name
 * @param kind how it loads
 * @param type the type in the table's own terms, for messages (e.g. {@code optional int32 a (INTEGER(16,true))})
 */
public record TableColumn(String name, ColumnKind kind, String type) {
    public TableColumn {
        if (name == null || kind == null || type == null) {
            throw new IllegalArgumentException("name, kind and type must not be null");
        }
    }
}
