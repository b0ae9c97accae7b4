package org.wren4j.spark.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
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

    /**
     * The non-null value at {@code i} as float64: integers rounded to the nearest double, floats
     * widened exactly, decimals correctly rounded, booleans 1 or 0.
     */
    static double number(Row row, int i) {
        Object v = row.get(i);
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Long l) {
            return l.doubleValue();
        }
        if (v instanceof Number n && !(v instanceof BigDecimal)) {
            return n.longValue();
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        throw new IllegalStateException("not a number: " + v.getClass().getName());
    }

    /** The non-null value at {@code i} as a category: text as is, integers in decimal, booleans {@code true}/{@code false}. */
    public static String text(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }
}
