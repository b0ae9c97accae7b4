package org.wren4j.interop.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.wren4j.api.BlockMatrix;

/** Writes a matrix as a Parquet file of required DOUBLE columns, one tile row at a time. */
public final class ParquetExport {
    private ParquetExport() {
    }

    public static MessageType schema(List<String> names) {
        var fields = new java.util.ArrayList<Type>();
        for (String n : names) {
            fields.add(Types.required(PrimitiveType.PrimitiveTypeName.DOUBLE).named(n));
        }
        return new MessageType("wren4j_matrix", fields);
    }

    /** Writes to {@code file}, which must not exist. */
    public static void write(BlockMatrix m, Path file, List<String> names) throws IOException {
        try (ParquetWriter<double[]> writer = writer(file, schema(names))) {
            IOException[] failure = {null};
            m.forEachRowBlock((firstRow, rows) -> {
                if (failure[0] != null) {
                    return;
                }
                try {
                    for (double[] row : rows) {
                        writer.write(row);
                    }
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
    }

    /** A writer of rows as {@code double[]} into a new file with this schema. */
    public static ParquetWriter<double[]> writer(Path file, MessageType schema) throws IOException {
        return new Builder(new LocalOutputFile(file), schema)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build();
    }

    private static final class Builder extends ParquetWriter.Builder<double[], Builder> {
        private final MessageType schema;

        Builder(LocalOutputFile file, MessageType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        @SuppressWarnings("deprecation") // abstract in ParquetWriter.Builder; the Hadoop-free overload below is the one used
        protected WriteSupport<double[]> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema);
        }

        @Override
        protected WriteSupport<double[]> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport(schema);
        }
    }

    private static final class RowWriteSupport extends WriteSupport<double[]> {
        private final MessageType schema;
        private final String[] names;
        private RecordConsumer out;

        RowWriteSupport(MessageType schema) {
            this.schema = schema;
            this.names = schema.getFields().stream().map(Type::getName).toArray(String[]::new);
        }

        @Override
        @SuppressWarnings("deprecation") // abstract in WriteSupport; the Hadoop-free overload below is the one used
        public WriteContext init(Configuration conf) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public WriteContext init(ParquetConfiguration conf) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(double[] row) {
            out.startMessage();
            for (int c = 0; c < names.length; c++) {
                out.startField(names[c], c);
                out.addDouble(row[c]);
                out.endField(names[c], c);
            }
            out.endMessage();
        }
    }
}
