package org.wren4j.interop.internal;

import org.wren4j.api.Wren;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;

/** Plans a load against a source's schema, finds categories if needed, then streams rows into tiles. */
public final class TableLoader {
    private TableLoader() {
    }

    public static LoadedTable load(Wren wren, TableSource source, LoadOptions options) {
        ColumnPlan plan = ColumnPlan.resolve(source.description(), source.schema(), options);
        if (!plan.toDiscover().isEmpty()) {
            plan = plan.withCategories(source.description(), source.distinctValues(plan.toDiscover()));
        }
        int block = options.blockSize() > 0 ? options.blockSize() : wren.defaultBlockSize();
        try (RowAssembler rows = new RowAssembler(wren, plan, options.nullPolicy(), options.nonFinite(), block)) {
            source.read(plan.slots(), block, rows);
            return rows.finish(source.description());
        }
    }
}
