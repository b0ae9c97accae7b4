package org.wren4j.spark.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.wren4j.interop.ColumnKind;
import org.wren4j.interop.TableColumn;

/** Spark SQL types as load column kinds, and Spark row values as the numbers or category texts a load reads. */
public final class SparkColumns {
    private SparkColumns() {
    }

    /** The top-level columns of {@code schema}, each with the kind it loads as. */
    public static List<TableColumn> of(StructType schema) {
        var out = new ArrayList<TableColumn>();
        for (StructField f : schema.fields()) {
            out.add(new TableColumn(f.name(), kind(f.dataType()), f.dataType().simpleString() + (f.nullable() ? "" : " not null")));
        }
        return out;
    }

    static ColumnKind kind(DataType t) {
        if (t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType) {
            return ColumnKind.INTEGER;
        }
        if (t instanceof FloatType || t instanceof DoubleType) {
            return ColumnKind.FLOATING;
        }
        if (t instanceof DecimalType) {
            return ColumnKind.DECIMAL;
        }
        if (t instanceof BooleanType) {
            return ColumnKind.BOOLEAN;
        }
        if (t instanceof StringType) {
            return ColumnKind.STRING;
        }
        return ColumnKind.OTHER;
    }

    /** How a slot's values are read from Spark's internal rows, by its Spark SQL type. */
    enum Reader {
        DOUBLE, FLOAT, LONG, INT, SHORT, BYTE, BOOLEAN, DECIMAL, STRING;

        static Reader of(DataType t) {
            if (t instanceof DoubleType) {
                return DOUBLE;
            }
            if (t instanceof FloatType) {
                return FLOAT;
            }
            if (t instanceof LongType) {
                return LONG;
            }
            if (t instanceof IntegerType) {
                return INT;
            }
            if (t instanceof ShortType) {
                return SHORT;
            }
            if (t instanceof ByteType) {
                return BYTE;
            }
            if (t instanceof BooleanType) {
                return BOOLEAN;
            }
            if (t instanceof DecimalType) {
                return DECIMAL;
            }
            if (t instanceof StringType) {
                return STRING;
            }
            throw new IllegalStateException("a load reads no " + t.simpleString() + " column");
        }
    }

    /**
     * The non-null value at {@code i} of an internal row as float64, read in place (no Row, no boxing):
     * integers rounded to the nearest double, floats widened exactly, decimals correctly rounded,
     * booleans 1 or 0.
     */
    static double number(InternalRow row, int i, Reader reader, int precision, int scale) {
        return switch (reader) {
            case DOUBLE -> row.getDouble(i);
            case FLOAT -> row.getFloat(i);
            case LONG -> row.getLong(i);
            case INT -> row.getInt(i);
            case SHORT -> row.getShort(i);
            case BYTE -> row.getByte(i);
            case BOOLEAN -> row.getBoolean(i) ? 1.0 : 0.0;
            case DECIMAL -> row.getDecimal(i, precision, scale).toJavaBigDecimal().doubleValue();
            case STRING -> throw new IllegalStateException("not a number: a string");
        };
    }

    /** The non-null value at {@code i} of an internal row as a category, the same text {@link #text(Object)} makes of its Row value. */
    static String text(InternalRow row, int i, Reader reader, int precision, int scale) {
        return switch (reader) {
            case STRING -> row.getUTF8String(i).toString();
            case LONG -> Long.toString(row.getLong(i));
            case INT -> Integer.toString(row.getInt(i));
            case SHORT -> Short.toString(row.getShort(i));
            case BYTE -> Byte.toString(row.getByte(i));
            case BOOLEAN -> Boolean.toString(row.getBoolean(i));
            case DECIMAL -> row.getDecimal(i, precision, scale).toJavaBigDecimal().toPlainString();
            case DOUBLE -> Double.toString(row.getDouble(i));
            case FLOAT -> Float.toString(row.getFloat(i));
        };
    }

    /** The non-null value at {@code i} as a category: text as is, integers in decimal, booleans {@code true}/{@code false}. */
    public static String text(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }
}
