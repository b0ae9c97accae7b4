package org.wren4j.interop.internal;

import java.util.Arrays;
import java.util.List;
import org.wren4j.interop.InteropException;
import org.wren4j.interop.NonFinitePolicy;
import org.wren4j.interop.NullPolicy;

/**
 * Turns decoded column batches into matrix rows: applies the null and non-finite policies, expands
 * one-hot columns and splits off the label, whatever the rows are written to (one writer for a
 * whole table, or one writer per range of rows when many tasks load parts of a table).
 */
public final class RowConverter {
    /** Receives each kept row: {@code width} values of {@code features} from {@code offset}, and {@code labels[labelIndex]}. */
    @FunctionalInterface
    public interface Sink {
        void row(double[] features, int offset, double[] labels, int labelIndex);
    }

    private final List<Slot> slots;
    private final NullPolicy policy;
    private final NonFinitePolicy nonFinite;
    private final int width;
    private double[] rows = new double[0];
    private double[] labels = new double[0];
    private boolean[] drop = new boolean[0];
    private long read;
    private long dropped;

    public RowConverter(ColumnPlan plan, NullPolicy policy, NonFinitePolicy nonFinite) {
        this(plan.slots(), plan.width(), policy, nonFinite);
    }

    /** A converter of a plan's slots and feature width, as rebuilt where the plan itself cannot travel (another process). */
    public RowConverter(List<Slot> slots, int width, NullPolicy policy, NonFinitePolicy nonFinite) {
        this.slots = List.copyOf(slots);
        this.policy = policy;
        this.nonFinite = nonFinite;
        this.width = width;
    }

    /** Batches for every slot of the plan, in slot order, with room for {@code capacity} rows. */
    public ColumnBatch[] newBatches(int capacity) {
        ColumnBatch[] out = new ColumnBatch[slots.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = new ColumnBatch(capacity, slots.get(s).categorical());
        }
        return out;
    }

    /** Rows converted so far, kept or dropped. */
    public long read() {
        return read;
    }

    /** Rows left out by {@link NullPolicy#dropRow()} so far. */
    public long dropped() {
        return dropped;
    }

    /**
     * Converts {@code n} rows and hands each kept one to {@code sink}; {@code batches[s]} holds
     * slot {@code s}'s values, and row {@code i} is row {@code firstRow + i} of {@code source}.
     *
     * @throws InteropException naming the source, column and row of a value the policies refuse
     */
    public void accept(String source, long firstRow, int n, ColumnBatch[] batches, Sink sink) {
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
            sink.row(rows, i * width, labels, i);
        }
        read += n;
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

}
