package org.wren4j.interop.internal;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntFunction;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.wren4j.interop.ColumnKind;
import org.wren4j.interop.TableColumn;

/** How Arrow vectors load: kinds of fields, and readers of numbers and category keys. */
final class ArrowColumns {
    private ArrowColumns() {
    }

    static TableColumn describe(Field f, DictionaryProvider dictionaries) {
        DictionaryEncoding enc = f.getDictionary();
        if (enc != null) {
            Dictionary d = dictionaries == null ? null : dictionaries.lookup(enc.getId());
            if (d == null) {
                return new TableColumn(f.getName(), ColumnKind.OTHER, f.getType() + " (dictionary " + enc.getId() + " not available)");
            }
            Field values = d.getVector().getField();
            return new TableColumn(f.getName(), kind(values.getType()), "dictionary<" + values.getType() + ">");
        }
        return new TableColumn(f.getName(), kind(f.getType()), f.getType().toString());
    }

    static ColumnKind kind(ArrowType t) {
        return switch (t.getTypeID()) {
            case Int -> ColumnKind.INTEGER;
            case FloatingPoint -> ColumnKind.FLOATING;
            case Decimal -> ColumnKind.DECIMAL;
            case Bool -> ColumnKind.BOOLEAN;
            case Utf8, LargeUtf8 -> ColumnKind.STRING;
            default -> ColumnKind.OTHER;
        };
    }

    /** Reads element {@code i} of {@code v} as a double; {@code v} must be of a numeric kind. */
    static IntToDoubleFunction numbers(ValueVector v) {
        if (v instanceof Float8Vector f) {
            return f::get;
        }
        if (v instanceof Float4Vector f) {
            return f::get;
        }
        if (v instanceof Float2Vector f) {
            return f::getValueAsFloat;
        }
        if (v instanceof UInt8Vector u) {
            return i -> Numbers.unsigned(u.get(i));
        }
        if (v instanceof BaseIntVector b) {
            return b::getValueAsLong;
        }
        if (v instanceof BitVector b) {
            return b::get;
        }
        if (v instanceof DecimalVector d) {
            return i -> d.getObject(i).doubleValue();
        }
        if (v instanceof Decimal256Vector d) {
            return i -> d.getObject(i).doubleValue();
        }
        throw new IllegalStateException("not a numeric vector: " + v.getField());
    }

    /** Reads element {@code i} of {@code v} as a category key: bytes of text, a number, or a boolean. */
    static IntFunction<Object> keys(ValueVector v) {
        if (v instanceof VarCharVector s) {
            return i -> ByteBuffer.wrap(s.get(i));
        }
        if (v instanceof LargeVarCharVector s) {
            return i -> ByteBuffer.wrap(s.get(i));
        }
        if (v instanceof UInt8Vector u) {
            return i -> {
                long x = u.get(i);
                return x >= 0 ? (Object) x : Long.toUnsignedString(x);
            };
        }
        if (v instanceof BaseIntVector b) {
            return i -> b.getValueAsLong(i);
        }
        if (v instanceof BitVector b) {
            return i -> String.valueOf(b.get(i) != 0);
        }
        throw new IllegalStateException("not a categorical vector: " + v.getField());
    }

    static String text(Object key) {
        if (key instanceof ByteBuffer b) {
            return new String(b.array(), b.arrayOffset() + b.position(), b.remaining(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return key.toString();
    }

    /** The key each category of {@code kind} has when read by {@link #keys}. */
    static Map<Object, Integer> lookup(ColumnKind kind, List<String> categories) {
        var map = new HashMap<Object, Integer>();
        for (int k = 0; k < categories.size(); k++) {
            String c = categories.get(k);
            Object key = c;
            if (kind == ColumnKind.STRING) {
                key = ByteBuffer.wrap(c.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (kind == ColumnKind.INTEGER) {
                try {
                    key = Long.parseLong(c);
                } catch (NumberFormatException e) {
                    key = c; // a uint64 beyond Long.MAX_VALUE is keyed by its text
                }
            }
            map.put(key, k);
        }
        return map;
    }

    /** Reads one column of the current batch, resolving a dictionary encoding if any. */
    static final class Reader {
        private final FieldVector vector;
        private final IntToDoubleFunction numbers;
        private final IntFunction<Object> keys;
        private final Map<Object, Integer> codes;

        Reader(FieldVector vector, DictionaryProvider dictionaries, Slot slot) {
            this.vector = vector;
            ValueVector values = vector;
            IntToDoubleFunction index = null;
            DictionaryEncoding enc = vector.getField().getDictionary();
            if (enc != null) {
                values = dictionaries.lookup(enc.getId()).getVector();
                BaseIntVector indices = (BaseIntVector) vector;
                index = indices::getValueAsLong;
            }
            IntToDoubleFunction at = index;
            if (slot.categorical()) {
                IntFunction<Object> k = keys(values);
                this.keys = at == null ? k : i -> k.apply((int) at.applyAsDouble(i));
                this.numbers = null;
                this.codes = lookup(slot.column().kind(), slot.categories() == null ? List.of() : slot.categories());
            } else {
                IntToDoubleFunction n = numbers(values);
                this.numbers = at == null ? n : i -> n.applyAsDouble((int) at.applyAsDouble(i));
                this.keys = null;
                this.codes = null;
            }
        }

        void readNumbers(int start, int n, ColumnBatch b) {
            double[] out = b.values;
            boolean nullable = vector.getNullCount() > 0;
            for (int i = 0; i < n; i++) {
                if (nullable && vector.isNull(start + i)) {
                    b.setNull(i);
                } else {
                    out[i] = numbers.applyAsDouble(start + i);
                }
            }
        }

        void readCodes(int start, int n, ColumnBatch b) {
            for (int i = 0; i < n; i++) {
                if (vector.isNull(start + i)) {
                    b.setNull(i);
                } else {
                    Object key = keys.apply(start + i);
                    Integer code = codes.get(key);
                    if (code == null) {
                        b.setUnknown(i, text(key));
                    } else {
                        b.codes[i] = code;
                    }
                }
            }
        }

        void collect(int rows, Set<String> into) {
            for (int i = 0; i < rows; i++) {
                if (!vector.isNull(i)) {
                    into.add(text(keys.apply(i)));
                }
            }
        }
    }
}
