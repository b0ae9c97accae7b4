package org.wren4j.interop.internal;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.wren4j.interop.ColumnKind;
import org.wren4j.interop.TableColumn;

/** How each Parquet column type loads. */
final class ParquetTypes {
    /** The decoding a column needs. */
    enum Conv { BOOLEAN, INT32, UINT32, INT64, UINT64, FLOAT, DOUBLE, HALF, DECIMAL_INT32, DECIMAL_INT64, DECIMAL_BINARY, STRING, NONE }

    private ParquetTypes() {
    }

    static TableColumn describe(Type t) {
        String type = t.toString().trim().replace('\n', ' ');
        return new TableColumn(t.getName(), kind(conv(t)), type);
    }

    static ColumnKind kind(Conv c) {
        return switch (c) {
            case BOOLEAN -> ColumnKind.BOOLEAN;
            case INT32, UINT32, INT64, UINT64 -> ColumnKind.INTEGER;
            case FLOAT, DOUBLE, HALF -> ColumnKind.FLOATING;
            case DECIMAL_INT32, DECIMAL_INT64, DECIMAL_BINARY -> ColumnKind.DECIMAL;
            case STRING -> ColumnKind.STRING;
            case NONE -> ColumnKind.OTHER;
        };
    }

    static Conv conv(Type t) {
        if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
            return Conv.NONE;
        }
        PrimitiveType p = t.asPrimitiveType();
        LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
        boolean decimal = a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
        return switch (p.getPrimitiveTypeName()) {
            case BOOLEAN -> a == null ? Conv.BOOLEAN : Conv.NONE;
            case INT32 -> decimal ? Conv.DECIMAL_INT32 : a == null ? Conv.INT32
                    : a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i ? (i.isSigned() ? Conv.INT32 : Conv.UINT32) : Conv.NONE;
            case INT64 -> decimal ? Conv.DECIMAL_INT64 : a == null ? Conv.INT64
                    : a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i ? (i.isSigned() ? Conv.INT64 : Conv.UINT64) : Conv.NONE;
            case FLOAT -> a == null ? Conv.FLOAT : Conv.NONE;
            case DOUBLE -> a == null ? Conv.DOUBLE : Conv.NONE;
            case BINARY -> decimal ? Conv.DECIMAL_BINARY
                    : a == null || a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation ? Conv.STRING : Conv.NONE;
            case FIXED_LEN_BYTE_ARRAY -> decimal ? Conv.DECIMAL_BINARY
                    : a instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation ? Conv.HALF : Conv.NONE;
            case INT96 -> Conv.NONE;
        };
    }

    static int scale(Type t) {
        return t.asPrimitiveType().getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d ? d.getScale() : 0;
    }
}
