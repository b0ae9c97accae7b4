package org.wren4j.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Generated tables with known answers, written deterministically into {@code test-data/generated/}
 * once per test JVM: a mixed-type table with nulls and columns that cannot load (Parquet, Arrow IPC
 * file and stream), a wide table, a directory of ragged files, and broken files.
 */
final class TestData {
    static final int MIXED_ROWS = 1000;
    static final int WIDE_ROWS = 300;
    static final int WIDE_COLS = 1500;
    static final int[] RAGGED_ROWS = {17, 250, 1, 0, 64};
    static final String[] COLORS = {"red", "green", "blue"};
    static final String[] OPT_COLORS = {"cyan", "magenta"};
    /** The numeric columns of the mixed table, in table order. */
    static final List<String> NUMERIC = List.of("id", "i8", "i16", "i32", "u32", "i64", "u64", "f32", "f64", "half", "dec", "dec18",
            "decbin", "flag", "opt_f64");

    static final MessageType MIXED_SCHEMA = MessageTypeParser.parseMessageType("""
            message mixed {
              required int64 id;
              required int32 i8 (INTEGER(8,true));
              required int32 i16 (INTEGER(16,true));
              required int32 i32;
              required int32 u32 (INTEGER(32,false));
              required int64 i64;
              required int64 u64 (INTEGER(64,false));
              required float f32;
              required double f64;
              required fixed_len_byte_array(2) half (FLOAT16);
              required int32 dec (DECIMAL(9,2));
              required int64 dec18 (DECIMAL(18,4));
              required fixed_len_byte_array(13) decbin (DECIMAL(30,5));
              required boolean flag;
              required binary color (STRING);
              optional double opt_f64;
              optional binary opt_color (STRING);
              required binary note (STRING);
              required int64 ts (TIMESTAMP(MILLIS,true));
              required group point { required double x; required double y; }
              optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
            }""");

    private static Path root;

    private TestData() {
    }

    /** {@code test-data/generated}, filled on first use. */
    static synchronized Path generated() {
        if (root == null) {
            Path repo = Path.of("").toAbsolutePath();
            while (repo != null && !Files.isDirectory(repo.resolve("test-data"))) {
                repo = repo.getParent();
            }
            if (repo == null) {
                throw new IllegalStateException("no test-data directory above " + Path.of("").toAbsolutePath());
            }
            Path dir = repo.resolve("test-data/generated");
            try {
                Files.createDirectories(dir);
                generate(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            root = dir;
        }
        return root;
    }

    /** Raw bits of every value, so that NaN, -0.0 and 0.0 compare exactly. */
    static long[][] bits(double[][] a) {
        long[][] out = new long[a.length][];
        for (int r = 0; r < a.length; r++) {
            out[r] = new long[a[r].length];
            for (int c = 0; c < a[r].length; c++) {
                out[r][c] = Double.doubleToRawLongBits(a[r][c]);
            }
        }
        return out;
    }

    static Path realData() {
        return generated().getParent().resolve("real");
    }

    // ---- known answers ----------------------------------------------------------------------

    static int i8(int r) {
        return r % 256 - 128;
    }

    static int i16(int r) {
        return r * 37 % 65536 - 32768;
    }

    static int i32(int r) {
        return r * 1_000_003 * 2147;
    }

    static int u32Raw(int r) {
        return -1 - r;
    }

    static long i64(int r) {
        return r * 123_456_789_012L;
    }

    static long u64Raw(int r) {
        return -1L - r;
    }

    static float f32(int r) {
        return r * 0.1f;
    }

    static float half(int r) {
        return (r % 64) * 0.5f;
    }

    static int decUnscaled(int r) {
        return r * 101 - 5000;
    }

    static long dec18Unscaled(int r) {
        return r * 987_654_321L - 7;
    }

    static BigInteger decbinUnscaled(int r) {
        return BigInteger.TEN.pow(20).multiply(BigInteger.valueOf(r - 500)).add(BigInteger.valueOf(r));
    }

    static boolean optF64IsNull(int r) {
        return r % 7 == 3;
    }

    static boolean optColorIsNull(int r) {
        return r % 11 == 5;
    }

    /** The float64 each numeric column of row {@code r} must load as. */
    static double expected(String column, int r) {
        return switch (column) {
            case "id" -> r;
            case "i8" -> i8(r);
            case "i16" -> i16(r);
            case "i32" -> i32(r);
            case "u32" -> Integer.toUnsignedLong(u32Raw(r));
            case "i64" -> i64(r);
            case "u64" -> new BigInteger(Long.toUnsignedString(u64Raw(r))).doubleValue();
            case "f32" -> f32(r);
            case "f64" -> r / 3.0;
            case "half" -> half(r);
            case "dec" -> new BigDecimal(BigInteger.valueOf(decUnscaled(r)), 2).doubleValue();
            case "dec18" -> new BigDecimal(BigInteger.valueOf(dec18Unscaled(r)), 4).doubleValue();
            case "decbin" -> new BigDecimal(decbinUnscaled(r), 5).doubleValue();
            case "flag" -> r % 3 == 0 ? 1.0 : 0.0;
            case "opt_f64" -> optF64IsNull(r) ? Double.NaN : r * 2.5;
            default -> throw new IllegalArgumentException(column);
        };
    }

    /** Rows {@code first ..} of the mixed table, these columns, as loaded with nulls filled by NaN. */
    static double[][] expectedMixed(List<String> columns, int first, int rows) {
        double[][] out = new double[rows][columns.size()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.size(); c++) {
                out[r][c] = expected(columns.get(c), first + r);
            }
        }
        return out;
    }

    // ---- generation -------------------------------------------------------------------------

    private static void generate(Path dir) throws IOException {
        writeMixedParquet(dir.resolve("mixed.parquet"), 0, MIXED_ROWS, CompressionCodecName.SNAPPY, 16 * 1024);
        writeMixedArrow(dir.resolve("mixed.arrow"), true);
        writeMixedArrow(dir.resolve("mixed.arrows"), false);

        Path ragged = dir.resolve("ragged");
        Files.createDirectories(ragged);
        int first = 0;
        for (int i = 0; i < RAGGED_ROWS.length; i++) {
            CompressionCodecName codec = i % 2 == 0 ? CompressionCodecName.GZIP : CompressionCodecName.UNCOMPRESSED;
            writeMixedParquet(ragged.resolve("part-" + i + ".parquet"), first, RAGGED_ROWS[i], codec, 4 * 1024);
            first += RAGGED_ROWS[i];
        }
        Files.writeString(ragged.resolve("_SUCCESS"), "");

        writeWide(dir.resolve("wide.parquet"));
        NonFiniteData.write(dir);

        byte[] whole = Files.readAllBytes(dir.resolve("mixed.parquet"));
        Files.write(dir.resolve("truncated.parquet"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(dir.resolve("not-parquet.parquet"), "id,value\n1,2\n");
        byte[] arrow = Files.readAllBytes(dir.resolve("mixed.arrows"));
        Files.write(dir.resolve("truncated.arrows"), java.util.Arrays.copyOf(arrow, arrow.length * 2 / 3));

        // A directory whose second file types a loaded column differently.
        Path badSchema = dir.resolve("bad-schema");
        Files.createDirectories(badSchema);
        writeMixedParquet(badSchema.resolve("a.parquet"), 0, 10, CompressionCodecName.SNAPPY, 16 * 1024);
        MessageType other = MessageTypeParser.parseMessageType("message other { required binary id (STRING); required double f64; }");
        try (ParquetWriter<Group> w = parquetWriter(badSchema.resolve("b.parquet"), other, CompressionCodecName.SNAPPY, 16 * 1024)) {
            SimpleGroupFactory f = new SimpleGroupFactory(other);
            for (int r = 0; r < 5; r++) {
                w.write(f.newGroup().append("id", "x" + r).append("f64", r / 3.0));
            }
        }
    }

    static ParquetWriter<Group> parquetWriter(Path file, MessageType schema, CompressionCodecName codec, int rowGroupBytes) throws IOException {
        return ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(codec)
                .withRowGroupSize((long) rowGroupBytes)
                .withPageSize(1024)
                .build();
    }

    static void writeMixedParquet(Path file, int firstRow, int rows, CompressionCodecName codec, int rowGroupBytes) throws IOException {
        SimpleGroupFactory f = new SimpleGroupFactory(MIXED_SCHEMA);
        try (ParquetWriter<Group> w = parquetWriter(file, MIXED_SCHEMA, codec, rowGroupBytes)) {
            for (int r = firstRow; r < firstRow + rows; r++) {
                Group g = f.newGroup()
                        .append("id", (long) r)
                        .append("i8", i8(r))
                        .append("i16", i16(r))
                        .append("i32", i32(r))
                        .append("u32", u32Raw(r))
                        .append("i64", i64(r))
                        .append("u64", u64Raw(r))
                        .append("f32", f32(r))
                        .append("f64", r / 3.0)
                        .append("half", Binary.fromConstantByteArray(halfBytes(half(r))))
                        .append("dec", decUnscaled(r))
                        .append("dec18", dec18Unscaled(r))
                        .append("decbin", Binary.fromConstantByteArray(signExtend(decbinUnscaled(r).toByteArray(), 13)))
                        .append("flag", r % 3 == 0)
                        .append("color", COLORS[r % 3]);
                if (!optF64IsNull(r)) {
                    g.append("opt_f64", r * 2.5);
                }
                if (!optColorIsNull(r)) {
                    g.append("opt_color", OPT_COLORS[r % 2]);
                }
                g.append("note", "row " + r + " says " + "ho".repeat(r % 5)).append("ts", 1_700_000_000_000L + r);
                g.addGroup("point").append("x", r * 1.0).append("y", -r * 1.0);
                Group list = g.addGroup("tags");
                for (int k = 0; k < r % 3; k++) {
                    list.addGroup("list").append("element", "t" + k);
                }
                w.write(g);
            }
        }
    }

    private static void writeWide(Path file) throws IOException {
        StringBuilder s = new StringBuilder("message wide {");
        for (int c = 0; c < WIDE_COLS; c++) {
            s.append(" required double w").append(c).append(';');
        }
        MessageType schema = MessageTypeParser.parseMessageType(s.append('}').toString());
        SimpleGroupFactory f = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = parquetWriter(file, schema, CompressionCodecName.SNAPPY, 512 * 1024)) {
            for (int r = 0; r < WIDE_ROWS; r++) {
                Group g = f.newGroup();
                for (int c = 0; c < WIDE_COLS; c++) {
                    g.append("w" + c, wide(r, c));
                }
                w.write(g);
            }
        }
    }

    static double wide(int r, int c) {
        return r * 10_000.0 + c + 0.25;
    }

    private static byte[] halfBytes(float v) {
        short bits = toHalf(v);
        return new byte[] {(byte) bits, (byte) (bits >>> 8)};
    }

    /** Exact for the values used here (multiples of 0.5 below 32). */
    static short toHalf(float v) {
        if (v == 0) {
            return 0;
        }
        int bits = Float.floatToIntBits(v);
        int exp = ((bits >>> 23) & 0xff) - 127 + 15;
        int mant = (bits >>> 13) & 0x3ff;
        return (short) ((exp << 10) | mant);
    }

    private static byte[] signExtend(byte[] bigEndian, int width) {
        byte[] out = new byte[width];
        byte pad = (byte) (bigEndian[0] < 0 ? 0xff : 0);
        java.util.Arrays.fill(out, 0, width - bigEndian.length, pad);
        System.arraycopy(bigEndian, 0, out, width - bigEndian.length, bigEndian.length);
        return out;
    }

    // ---- Arrow ------------------------------------------------------------------------------

    static final DictionaryEncoding COLOR_DICT = new DictionaryEncoding(1L, false, new ArrowType.Int(32, true));

    static Schema mixedArrowSchema() {
        return new Schema(List.of(
                field("id", new ArrowType.Int(64, true), false),
                field("i8", new ArrowType.Int(8, true), false),
                field("i16", new ArrowType.Int(16, true), false),
                field("i32", new ArrowType.Int(32, true), false),
                field("u32", new ArrowType.Int(32, false), false),
                field("i64", new ArrowType.Int(64, true), false),
                field("u64", new ArrowType.Int(64, false), false),
                field("f32", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), false),
                field("f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), false),
                field("half", new ArrowType.FloatingPoint(FloatingPointPrecision.HALF), false),
                field("dec", new ArrowType.Decimal(9, 2, 128), false),
                field("dec18", new ArrowType.Decimal(18, 4, 128), false),
                field("decbin", new ArrowType.Decimal(30, 5, 128), false),
                field("flag", ArrowType.Bool.INSTANCE, false),
                field("color", ArrowType.Utf8.INSTANCE, false),
                field("opt_f64", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), true),
                field("opt_color", ArrowType.Utf8.INSTANCE, true),
                field("note", ArrowType.Utf8.INSTANCE, false),
                field("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"), false),
                new Field("point", FieldType.notNullable(ArrowType.Struct.INSTANCE), List.of(
                        field("x", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), false),
                        field("y", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), false))),
                new Field("tags", FieldType.nullable(ArrowType.List.INSTANCE), List.of(field("element", ArrowType.Utf8.INSTANCE, true))),
                new Field("dcolor", new FieldType(false, new ArrowType.Int(32, true), COLOR_DICT), null)));
    }

    static Field field(String name, ArrowType type, boolean nullable) {
        return new Field(name, nullable ? FieldType.nullable(type) : FieldType.notNullable(type), null);
    }

    /** Fills {@code root} with rows {@code first .. first + n - 1} of the mixed table (dcolor left to the caller). */
    static void fillMixed(VectorSchemaRoot root, int first, int n) {
        for (FieldVector v : root.getFieldVectors()) {
            v.allocateNew();
        }
        for (int i = 0; i < n; i++) {
            int r = first + i;
            ((BigIntVector) root.getVector("id")).setSafe(i, r);
            ((TinyIntVector) root.getVector("i8")).setSafe(i, i8(r));
            ((SmallIntVector) root.getVector("i16")).setSafe(i, i16(r));
            ((IntVector) root.getVector("i32")).setSafe(i, i32(r));
            ((UInt4Vector) root.getVector("u32")).setSafe(i, u32Raw(r));
            ((BigIntVector) root.getVector("i64")).setSafe(i, i64(r));
            ((UInt8Vector) root.getVector("u64")).setSafe(i, u64Raw(r));
            ((Float4Vector) root.getVector("f32")).setSafe(i, f32(r));
            ((Float8Vector) root.getVector("f64")).setSafe(i, r / 3.0);
            ((Float2Vector) root.getVector("half")).setSafe(i, toHalf(half(r)));
            ((DecimalVector) root.getVector("dec")).setSafe(i, new BigDecimal(BigInteger.valueOf(decUnscaled(r)), 2));
            ((DecimalVector) root.getVector("dec18")).setSafe(i, new BigDecimal(BigInteger.valueOf(dec18Unscaled(r)), 4));
            ((DecimalVector) root.getVector("decbin")).setSafe(i, new BigDecimal(decbinUnscaled(r), 5));
            ((BitVector) root.getVector("flag")).setSafe(i, r % 3 == 0 ? 1 : 0);
            ((VarCharVector) root.getVector("color")).setSafe(i, COLORS[r % 3].getBytes(StandardCharsets.UTF_8));
            if (optF64IsNull(r)) {
                ((Float8Vector) root.getVector("opt_f64")).setNull(i);
            } else {
                ((Float8Vector) root.getVector("opt_f64")).setSafe(i, r * 2.5);
            }
            if (optColorIsNull(r)) {
                ((VarCharVector) root.getVector("opt_color")).setNull(i);
            } else {
                ((VarCharVector) root.getVector("opt_color")).setSafe(i, OPT_COLORS[r % 2].getBytes(StandardCharsets.UTF_8));
            }
            ((VarCharVector) root.getVector("note")).setSafe(i, ("row " + r).getBytes(StandardCharsets.UTF_8));
            ((TimeStampMilliTZVector) root.getVector("ts")).setSafe(i, 1_700_000_000_000L + r);
            StructVector point = (StructVector) root.getVector("point");
            ((Float8Vector) point.getChild("x")).setSafe(i, r);
            ((Float8Vector) point.getChild("y")).setSafe(i, -r);
            point.setIndexDefined(i);
        }
        UnionListWriter tags = ((ListVector) root.getVector("tags")).getWriter();
        for (int i = 0; i < n; i++) {
            tags.setPosition(i);
            tags.startList();
            for (int k = 0; k < (first + i) % 3; k++) {
                byte[] b = ("t" + k).getBytes(StandardCharsets.UTF_8);
                try (var buf = root.getVector("tags").getAllocator().buffer(b.length)) {
                    buf.setBytes(0, b);
                    tags.varChar().writeVarChar(0, b.length, buf);
                }
            }
            tags.endList();
        }
        for (FieldVector v : root.getFieldVectors()) {
            v.setValueCount(n);
        }
        root.setRowCount(n);
    }

    /** The color dictionary: a VarChar vector of {@link #COLORS}. */
    static Dictionary colorDictionary(BufferAllocator allocator) {
        VarCharVector values = new VarCharVector("color-dictionary", allocator);
        values.allocateNew();
        for (int k = 0; k < COLORS.length; k++) {
            values.setSafe(k, COLORS[k].getBytes(StandardCharsets.UTF_8));
        }
        values.setValueCount(COLORS.length);
        return new Dictionary(values, COLOR_DICT);
    }

    /** Batches of 300, 300, 300, 100 rows of the mixed table, including the dictionary-encoded {@code dcolor}. */
    static void forEachMixedBatch(BufferAllocator allocator, Dictionary dictionary, Consumer<VectorSchemaRoot> batch) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(mixedArrowSchema(), allocator)) {
            for (int first = 0; first < MIXED_ROWS; first += 300) {
                int n = Math.min(300, MIXED_ROWS - first);
                fillMixed(root, first, n);
                try (VarCharVector plain = new VarCharVector("c", allocator)) {
                    plain.allocateNew();
                    for (int i = 0; i < n; i++) {
                        plain.setSafe(i, COLORS[(first + i) % 3].getBytes(StandardCharsets.UTF_8));
                    }
                    plain.setValueCount(n);
                    try (IntVector codes = (IntVector) DictionaryEncoder.encode(plain, dictionary)) {
                        IntVector target = (IntVector) root.getVector("dcolor");
                        for (int i = 0; i < n; i++) {
                            target.setSafe(i, codes.get(i));
                        }
                        target.setValueCount(n);
                    }
                }
                batch.accept(root);
            }
        }
    }

    private static void writeMixedArrow(Path file, boolean fileFormat) throws IOException {
        try (BufferAllocator allocator = new RootAllocator(); var out = Files.newOutputStream(file)) {
            Dictionary dictionary = colorDictionary(allocator);
            try (FieldVector dictionaryValues = dictionary.getVector()) {
                assert dictionaryValues.getValueCount() == COLORS.length;
                var provider = new DictionaryProvider.MapDictionaryProvider(dictionary);
                Schema schema = mixedArrowSchema();
                try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
                        ArrowWriter w = fileFormat ? new ArrowFileWriter(root, provider, Channels.newChannel(out))
                                : new ArrowStreamWriter(root, provider, Channels.newChannel(out))) {
                    w.start();
                    forEachMixedBatch(allocator, dictionary, batch -> {
                        try (var unloaded = new org.apache.arrow.vector.VectorUnloader(batch).getRecordBatch()) {
                            new org.apache.arrow.vector.VectorLoader(root).load(unloaded);
                            w.writeBatch();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    w.end();
                }
            }
        }
    }
}
