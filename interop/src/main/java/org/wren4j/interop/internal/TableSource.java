package org.wren4j.interop.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wren4j.interop.TableColumn;

/** A table that can be read batch by batch: a Parquet file or directory, an Arrow reader. */
public interface TableSource {
    /** Names the source in messages, e.g. {@code file /data/x.parquet}. */
    String description();

    /** The top-level columns. */
    List<TableColumn> schema();

    /**
     * Every distinct non-null value of each column, as text (integers in decimal, booleans as
     * {@code true}/{@code false}); reads those columns only.
     *
     * @throws org.wren4j.interop.InteropException if the source can be read only once
     */
    Map<String, Set<String>> distinctValues(List<TableColumn> columns);

    /** Decodes the plan's slots in runs of at most {@code maxRows} rows into {@code sink}. */
    void read(List<Slot> slots, int maxRows, RowAssembler sink);
}
