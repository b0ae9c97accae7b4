package org.wren4j.interop.internal;

import java.util.Arrays;
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
 * Turns decoded column batches into matrix rows: applies the null and non-finite policies, expands one-hot
 * columns, splits off the label, and streams rows into {@link MatrixWriter}s. Holds one batch of
 * rows (at most one tile row) besides the writers' own tile-row buffers. Closing it before
 * {@link #finish} deletes the partial matrices.
 */
public final class RowAssembler implements AutoCloseable {
    private final ColumnPlan plan;
    private final List<Slot> slots;
    private final NullPolicy policy;
    private final NonFinitePolicy nonFinite;
    private final int width;
    private final MatrixWriter features;
    private final MatrixWriter label;
    private final Slot labelSlot;
    private double[] rows = new double[0];
    private double[] labels = new double[0];
    private boolean[] drop = new boolean[0];
    private long read;
    private long dropped;

    public RowAssembler(Wren wren, ColumnPlan plan, NullPolicy policy, NonFinitePolicy nonFinite, int blockSize) {
        this.plan = plan;
        this.slots = plan.slots();
        this.policy = policy;
        this.nonFinite = nonFinite;
        this.width = plan.width();
        this.labelSlot = plan.label().orElse(null);
        MatrixWriter f = wren.matrixWriter(width, blockSize);
        try {
            this.label = labelSlot == null ? null : wren.matrixWriter(1, blockSize);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
        this.features = f;
    }

    /** Batches for every slot of the plan, in slot order, with room for {@code capacity} rows. */
    public ColumnBatch[] newBatches(int capacity) {
        ColumnBatch[] out = new ColumnBatch[slots.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = new ColumnBatch(capacity, slots.get(s).categorical());
        }
        return out;
    }

    /**
     * Appends {@code n} rows; {@code batches[s]} holds slot {@code s}'s values, and row {@code i}
     * is row {@code firstRow + i} of {@code source}.
     */
    public void accept(String source, long firstRow, int n, ColumnBatch[] batches) {
        if (rows.length < n * width) {
            rows = new double[n * width];
            labels = new double[n];
            drop = new boolean[n];
        }
        boolean anyDrop = false;
        if (nonFinite == NonFinitePolicy.FAIL) {
            checkFinite(source, firstRow, n, batches);
        }
        for (int s = 0; s < slots.size(); s++) {
            ColumnBatch b = batches[s];
            Slot slot = slots.get(s);
            if (b.unknownRow >= 0) {
                throw new InteropException(source, slot.name(), firstRow + b.unknownRow, "value '" + b.unknown
                        + "' is not among the declared categories " + abbreviate(slot.categories()));
            }
            if (!b.anyNull) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (b.nulls[i]) {
                    switch (policy.action()) {
                        case FAIL -> throw new InteropException(source, slot.name(), firstRow + i,
                                "null value (null policy 'fail'; choose NullPolicy.fill(value) or NullPolicy.dropRow() to accept nulls)");
                        case DROP_ROW -> {
                            if (!anyDrop) {
                                Arrays.fill(drop, 0, n, false);
                                anyDrop = true;
                            }
                            drop[i] = true;
                        }
                        case FILL -> {
                        }
                    }
                }
            }
        }
        double fill = policy.fillValue();
        for (int s = 0; s < slots.size(); s++) {
            ColumnBatch b = batches[s];
            Slot slot = slots.get(s);
            int off = slot.offset();
            switch (slot.role()) {
                case FEATURE -> {
                    double[] v = b.values;
                    for (int i = 0, p = off; i < n; i++, p += width) {
                        rows[p] = v[i];
                    }
                    if (b.anyNull) {
                        for (int i = 0; i < n; i++) {
                            if (b.nulls[i]) {
                                rows[i * width + off] = fill;
                            }
                        }
                    }
                }
                case ONE_HOT -> {
                    int k = slot.categories().size();
                    for (int i = 0; i < n; i++) {
                        int p = i * width + off;
                        Arrays.fill(rows, p, p + k, 0.0);
                        if (!b.nulls[i]) {
                            rows[p + b.codes[i]] = 1.0;
                        }
                    }
                }
                case LABEL -> {
                    for (int i = 0; i < n; i++) {
                        labels[i] = b.nulls[i] ? fill : b.values[i];
                    }
                }
                case LABEL_CLASSES -> {
                    for (int i = 0; i < n; i++) {
                        labels[i] = b.nulls[i] ? fill : b.codes[i];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (anyDrop && drop[i]) {
                dropped++;
                continue;
            }
            features.appendRow(rows, i * width);
            if (label != null) {
                label.appendRow(labels, i);
            }
        }
        read += n;
    }

    /**
     * Finishes the matrices.
     *
     * @throws InteropException if no row was loaded
     */
    public LoadedTable finish(String source) {
        if (read - dropped == 0) {
            throw new InteropException(source, read == 0 ? "the table has no rows" : "every one of the " + read + " rows had a null and was dropped");
        }
        // Named here so the names are stored with the matrices and survive a save and reopen.
        BlockMatrix f = features.columnNames(plan.columnNames()).finish();
        Optional<BlockMatrix> l = label == null ? Optional.empty() : Optional.of(label.columnNames(List.of(labelSlot.name())).finish());
        List<String> classes = labelSlot != null && labelSlot.role() == Slot.Role.LABEL_CLASSES ? labelSlot.categories() : List.of();
        return new LoadedTable(f, l, plan.columnNames(), plan.oneHotMappings(), classes, read, dropped, plan.droppedColumns());
    }

    /**
     * Names the first row holding a NaN or infinity, in whichever column; checked before the
     * null fill, so a NaN the null policy was asked to put in never fails.
     */
    private void checkFinite(String source, long firstRow, int n, ColumnBatch[] batches) {
        int row = n;
        int slot = -1;
        for (int s = 0; s < slots.size(); s++) {
            ColumnBatch b = batches[s];
            if (b.values == null) {
                continue;
            }
            for (int i = 0; i < row; i++) {
                if (!Double.isFinite(b.values[i]) && !(b.anyNull && b.nulls[i])) {
                    row = i;
                    slot = s;
                    break;
                }
            }
        }
        if (slot >= 0) {
            throw new InteropException(source, slots.get(slot).name(), firstRow + row, "the value is " + batches[slot].values[row]
                    + ", not a finite number (non-finite policy 'fail'; choose LoadOptions.nonFinite(NonFinitePolicy.ALLOW) to load it as it is)");
        }
    }

    private static String abbreviate(List<String> values) {
        return values.size() <= 20 ? values.toString() : values.subList(0, 20) + " (and " + (values.size() - 20) + " more)";
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
