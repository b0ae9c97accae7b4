package org.wren4j.interop.internal;

import java.util.List;
import java.util.Optional;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.MatrixWriter;
import org.wren4j.api.Wren;
import org.wren4j.interop.InteropException;
import org.wren4j.interop.LoadedTable;
import org.wren4j.interop.NonFinitePolicy;
import org.wren4j.interop.NullPolicy;

/**
 * Streams converted rows ({@link RowConverter}) into {@link MatrixWriter}s. Holds one batch of
 * rows (at most one tile row) besides the writers' own tile-row buffers. Closing it before
 * {@link #finish} deletes the partial matrices.
 */
public final class RowAssembler implements AutoCloseable {
    private final ColumnPlan plan;
    private final RowConverter converter;
    private final MatrixWriter features;
    private final MatrixWriter label;
    private final Slot labelSlot;
    private final RowConverter.Sink sink;

    public RowAssembler(Wren wren, ColumnPlan plan, NullPolicy policy, NonFinitePolicy nonFinite, int blockSize) {
        this.plan = plan;
        this.converter = new RowConverter(plan, policy, nonFinite);
        this.labelSlot = plan.label().orElse(null);
        MatrixWriter f = wren.matrixWriter(plan.width(), blockSize);
        try {
            this.label = labelSlot == null ? null : wren.matrixWriter(1, blockSize);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
        this.features = f;
        this.sink = label == null ? (rows, off, labels, i) -> features.appendRow(rows, off) : (rows, off, labels, i) -> {
            features.appendRow(rows, off);
            label.appendRow(labels, i);
        };
    }

    /** Batches for every slot of the plan, in slot order, with room for {@code capacity} rows. */
    public ColumnBatch[] newBatches(int capacity) {
        return converter.newBatches(capacity);
    }

    /**
     * Appends {@code n} rows; {@code batches[s]} holds slot {@code s}'s values, and row {@code i}
     * is row {@code firstRow + i} of {@code source}.
     */
    public void accept(String source, long firstRow, int n, ColumnBatch[] batches) {
        converter.accept(source, firstRow, n, batches, sink);
    }

    /**
     * Finishes the matrices.
     *
     * @throws InteropException if no row was loaded
     */
    public LoadedTable finish(String source) {
        long read = converter.read();
        long dropped = converter.dropped();
        if (read - dropped == 0) {
            throw new InteropException(source, read == 0 ? "the table has no rows" : "every one of the " + read + " rows had a null and was dropped");
        }
        // Named here so the names are stored with the matrices and survive a save and reopen.
        BlockMatrix f = features.columnNames(plan.columnNames()).finish();
        Optional<BlockMatrix> l = label == null ? Optional.empty() : Optional.of(label.columnNames(List.of(labelSlot.name())).finish());
        List<String> classes = labelSlot != null && labelSlot.role() == Slot.Role.LABEL_CLASSES ? labelSlot.categories() : List.of();
        return new LoadedTable(f, l, plan.columnNames(), plan.oneHotMappings(), classes, read, dropped, plan.droppedColumns());
    }

    @Override
    public void close() {
        try {
            features.close();
        } finally {
            if (label != null) {
                label.close();
            }
        }
    }
}
