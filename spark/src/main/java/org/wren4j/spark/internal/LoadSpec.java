package org.wren4j.spark.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.wren4j.interop.ColumnKind;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.NonFinitePolicy;
import org.wren4j.interop.NullPolicy;
import org.wren4j.interop.TableColumn;
import org.wren4j.interop.internal.ColumnPlan;
import org.wren4j.interop.internal.RowConverter;
import org.wren4j.interop.internal.Slot;

/**
 * A resolved load plan in the form that travels to the executors: the plan's slots (columns,
 * roles, categories, offsets) and policies, from which each task rebuilds the same
 * {@link RowConverter} the file loaders use, and how each slot is read from Spark's internal rows.
 */
public final class LoadSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One slot, field by field. */
    private record SlotSpec(String name, ColumnKind kind, String type, Slot.Role role, ArrayList<String> categories, int offset)
            implements Serializable {
    }

    private final ArrayList<SlotSpec> slots = new ArrayList<>();
    private final int width;
    private final NullPolicy.Action nullAction;
    private final double fill;
    private final NonFinitePolicy nonFinite;
    private final SparkColumns.Reader[] readers;
    private final int[] precisions;
    private final int[] scales;
    private transient List<Slot> rebuilt;

    /** The plan's slots, read from rows of {@code selected}: the plan's columns in slot order. */
    public LoadSpec(ColumnPlan plan, LoadOptions options, StructType selected) {
        int n = plan.slots().size();
        this.readers = new SparkColumns.Reader[n];
        this.precisions = new int[n];
        this.scales = new int[n];
        for (int s = 0; s < n; s++) {
            DataType t = selected.fields()[s].dataType();
            readers[s] = SparkColumns.Reader.of(t);
            if (t instanceof DecimalType d) {
                precisions[s] = d.precision();
                scales[s] = d.scale();
            }
        }
        for (Slot s : plan.slots()) {
            TableColumn c = s.column();
            slots.add(new SlotSpec(c.name(), c.kind(), c.type(), s.role(), s.categories() == null ? null : new ArrayList<>(s.categories()),
                    s.offset()));
        }
        this.width = plan.width();
        this.nullAction = options.nullPolicy().action();
        this.fill = options.nullPolicy().fillValue();
        this.nonFinite = options.nonFinite();
    }

    public List<Slot> slots() {
        if (rebuilt == null) {
            var out = new ArrayList<Slot>();
            for (SlotSpec s : slots) {
                out.add(new Slot(new TableColumn(s.name, s.kind, s.type), s.role, s.categories, s.offset));
            }
            rebuilt = List.copyOf(out);
        }
        return rebuilt;
    }

    /** Slot {@code s}'s non-null value in {@code row} as a number. */
    double number(InternalRow row, int s) {
        return SparkColumns.number(row, s, readers[s], precisions[s], scales[s]);
    }

    /** Slot {@code s}'s non-null value in {@code row} as a category text. */
    String text(InternalRow row, int s) {
        return SparkColumns.text(row, s, readers[s], precisions[s], scales[s]);
    }

    public boolean dropsRows() {
        return nullAction == NullPolicy.Action.DROP_ROW;
    }

    public RowConverter converter() {
        NullPolicy policy = switch (nullAction) {
            case FAIL -> NullPolicy.fail();
            case DROP_ROW -> NullPolicy.dropRow();
            case FILL -> NullPolicy.fill(fill);
        };
        return new RowConverter(slots(), width, policy, nonFinite);
    }

    /** For each categorical slot (by index), its category codes by text. */
    Map<Integer, Map<String, Integer>> codes() {
        var out = new HashMap<Integer, Map<String, Integer>>();
        List<Slot> all = slots();
        for (int s = 0; s < all.size(); s++) {
            if (all.get(s).categorical()) {
                var m = new HashMap<String, Integer>();
                List<String> cats = all.get(s).categories();
                for (int k = 0; k < cats.size(); k++) {
                    m.put(cats.get(k), k);
                }
                out.put(s, m);
            }
        }
        return out;
    }
}
