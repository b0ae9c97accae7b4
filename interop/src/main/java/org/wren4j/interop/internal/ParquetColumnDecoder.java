package org.wren4j.interop.internal;

import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;

/** Decodes one top-level Parquet column of a row group, value by value, into column batches. */
final class ParquetColumnDecoder {
    private final ColumnReader reader;
    private final int maxDef;
    private final ParquetTypes.Conv conv;
    private final int scale;
    private final Map<Object, Integer> codes;

    ParquetColumnDecoder(ColumnReader reader, ParquetTypes.Conv conv, int scale, List<String> categories) {
        this.reader = reader;
        this.maxDef = reader.getDescriptor().getMaxDefinitionLevel();
        this.conv = conv;
        this.scale = scale;
        this.codes = categories == null ? null : lookup(conv, categories);
    }

    private static Map<Object, Integer> lookup(ParquetTypes.Conv conv, List<String> categories) {
        var map = new HashMap<Object, Integer>();
        for (int k = 0; k < categories.size(); k++) {
            String c = categories.get(k);
            Object key = switch (ParquetTypes.kind(conv)) {
                case STRING -> Binary.fromString(c);
                case INTEGER -> parseLong(c, conv == ParquetTypes.Conv.UINT32 || conv == ParquetTypes.Conv.UINT64);
                default -> c;
            };
            if (key != null) {
                map.put(key, k);
            }
        }
        return map;
    }

    private static Long parseLong(String s, boolean unsigned) {
        try {
            return unsigned ? Long.parseUnsignedLong(s) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null; // a declared category that no value of this column can equal
        }
    }

    /** Decodes the next {@code n} values as numbers. */
    void readNumbers(int n, ColumnBatch b) {
        double[] out = b.values;
        ColumnReader r = reader;
        if (conv == ParquetTypes.Conv.DOUBLE && maxDef == 0) {
            for (int i = 0; i < n; i++) {
                out[i] = r.getDouble();
                r.consume();
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            if (maxDef > 0 && r.getCurrentDefinitionLevel() < maxDef) {
                b.setNull(i);
            } else {
                out[i] = number();
            }
            r.consume();
        }
    }

    private double number() {
        ColumnReader r = reader;
        return switch (conv) {
            case DOUBLE -> r.getDouble();
            case FLOAT -> r.getFloat();
            case INT32 -> r.getInteger();
            case UINT32 -> Integer.toUnsignedLong(r.getInteger());
            case INT64 -> r.getLong();
            case UINT64 -> Numbers.unsigned(r.getLong());
            case BOOLEAN -> r.getBoolean() ? 1.0 : 0.0;
            case DECIMAL_INT32 -> Numbers.decimal(r.getInteger(), scale);
            case DECIMAL_INT64 -> Numbers.decimal(r.getLong(), scale);
            case DECIMAL_BINARY -> Numbers.decimal(r.getBinary().getBytes(), scale);
            case HALF -> Numbers.half(r.getBinary().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN).getShort());
            case STRING, NONE -> throw new IllegalStateException("not a number: " + conv);
        };
    }

    /** Decodes the next {@code n} values as category codes. */
    void readCodes(int n, ColumnBatch b) {
        ColumnReader r = reader;
        for (int i = 0; i < n; i++) {
            if (maxDef > 0 && r.getCurrentDefinitionLevel() < maxDef) {
                b.setNull(i);
            } else {
                Object key = key();
                Integer code = codes.get(key);
                if (code == null) {
                    b.setUnknown(i, text(key));
                } else {
                    b.codes[i] = code;
                }
            }
            r.consume();
        }
    }

    /** Adds every distinct value of the rest of the column chunk to {@code into}. */
    void collect(long n, Set<String> into, Set<Object> seen) {
        ColumnReader r = reader;
        for (long i = 0; i < n; i++) {
            if (maxDef == 0 || r.getCurrentDefinitionLevel() == maxDef) {
                Object key = key();
                if (!seen.contains(key)) {
                    Object kept = key instanceof Binary bin ? bin.copy() : key;
                    seen.add(kept);
                    into.add(text(kept));
                }
            }
            r.consume();
        }
    }

    private Object key() {
        ColumnReader r = reader;
        return switch (conv) {
            case STRING -> r.getBinary();
            case INT32, UINT32 -> conv == ParquetTypes.Conv.UINT32 ? Integer.toUnsignedLong(r.getInteger()) : (long) r.getInteger();
            case INT64, UINT64 -> r.getLong();
            case BOOLEAN -> String.valueOf(r.getBoolean());
            default -> throw new IllegalStateException("not categorical: " + conv);
        };
    }

    private String text(Object key) {
        if (key instanceof Binary bin) {
            return bin.toStringUsingUTF8();
        }
        if (key instanceof Long l) {
            return conv == ParquetTypes.Conv.UINT64 ? Long.toUnsignedString(l) : Long.toString(l);
        }
        return key.toString();
    }
}
