package org.wren4j.spark.internal;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.wren4j.api.RangeWriter;
import org.wren4j.api.SharedMatrix;
import org.wren4j.api.Wren;
import org.wren4j.api.WrenException;
import org.wren4j.interop.internal.ColumnBatch;
import org.wren4j.interop.internal.RowConverter;
import org.wren4j.interop.internal.Slot;

/**
 * What one Spark task does with its partition of a DataFrame: count the rows it keeps, without
 * converting any value; or read its rows in place (Spark's internal rows, no Row objects, no boxing)
 * into column batches of at most one tile row, convert them under the load's policies, and write
 * the kept rows.
 */
public final class PartitionLoad {
    private final LoadSpec spec;
    private final int batchRows;
    private final String source;

    public PartitionLoad(LoadSpec spec, int batchRows, int partition) {
        this.spec = spec;
        this.batchRows = batchRows;
        this.source = "DataFrame partition " + partition;
    }

    /**
     * Rows the partition keeps under the null policy: all of them, or those with no null in any
     * slot. No value is read: whatever else would refuse a row fails the write that follows.
     */
    public long count(Iterator<InternalRow> rows) {
        long n = 0;
        if (!spec.dropsRows()) {
            while (rows.hasNext()) {
                rows.next();
                n++;
            }
            return n;
        }
        int slots = spec.slots().size();
        while (rows.hasNext()) {
            InternalRow row = rows.next();
            boolean keep = true;
            for (int s = 0; s < slots && keep; s++) {
                keep = !row.isNullAt(s);
            }
            if (keep) {
                n++;
            }
        }
        return n;
    }

    /**
     * Writes the partition's kept rows as range {@code range} of {@code features} (and of {@code label},
     * if not null) through the executor's session on {@code session}'s store.
     *
     * @return rows read and rows dropped
     */
    public long[] write(Wren session, SharedMatrix features, SharedMatrix label, int range, Iterator<InternalRow> rows) {
        RowConverter converter = spec.converter();
        try (RangeWriter f = features.writer(session, range); RangeWriter l = label == null ? null : label.writer(session, range)) {
            long expected = features.rangeRows(range);
            RowConverter.Sink sink = (v, off, labels, i) -> {
                if (f.rows() == expected) {
                    throw changed("more than the " + expected);
                }
                f.appendRow(v, off);
                if (l != null) {
                    l.appendRow(labels, i);
                }
            };
            run(rows, converter, sink);
            if (f.rows() != expected) {
                throw changed(f.rows() + " instead of " + expected);
            }
            f.finish();
            if (l != null) {
                l.finish();
            }
        }
        return new long[] {converter.read(), converter.dropped()};
    }

    private WrenException changed(String rows) {
        return new WrenException(source + " kept " + rows + " rows it kept when it was counted: the DataFrame is not deterministic;"
                + " cache or checkpoint it before loading");
    }

    private void run(Iterator<InternalRow> rows, RowConverter converter, RowConverter.Sink sink) {
        List<Slot> slots = spec.slots();
        Map<Integer, Map<String, Integer>> codes = spec.codes();
        ColumnBatch[] batches = converter.newBatches(batchRows);
        long first = 0;
        while (rows.hasNext()) {
            for (ColumnBatch b : batches) {
                b.reset();
            }
            int n = 0;
            while (n < batchRows && rows.hasNext()) {
                InternalRow row = rows.next();
                for (int s = 0; s < slots.size(); s++) {
                    ColumnBatch b = batches[s];
                    if (row.isNullAt(s)) {
                        b.setNull(n);
                        if (b.values != null) {
                            b.values[n] = 0;
                        } else {
                            b.codes[n] = 0;
                        }
                    } else if (b.values != null) {
                        b.values[n] = spec.number(row, s);
                    } else {
                        String text = spec.text(row, s);
                        Integer code = codes.get(s).get(text);
                        if (code == null) {
                            b.setUnknown(n, text);
                            b.codes[n] = 0;
                        } else {
                            b.codes[n] = code;
                        }
                    }
                }
                n++;
            }
            converter.accept(source, first, n, batches, sink);
            first += n;
        }
    }
}
