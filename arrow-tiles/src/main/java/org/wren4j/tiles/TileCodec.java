package org.wren4j.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Encodes a tile as one Arrow IPC stream: a single non-null Float64 column holding the values in
 * column-major order, with schema metadata {@code wren4j.format}, {@code rows}, {@code cols},
 * {@code layout} and {@code crc32c} (of the little-endian value bytes). Decoding checks all of
 * them. Thread-safe.
 */
public final class TileCodec {
    public static final String FORMAT_VERSION = "1";
    static final String KEY_FORMAT = "wren4j.format";
    static final String KEY_ROWS = "wren4j.rows";
    static final String KEY_COLS = "wren4j.cols";
    static final String KEY_LAYOUT = "wren4j.layout";
    static final String KEY_CRC = "wren4j.crc32c";
    static final String LAYOUT = "column-major";

    private static final BufferAllocator ROOT = new RootAllocator();

    private TileCodec() {
    }

    public static byte[] encode(Tile tile) {
        double[] v = tile.values();
        ByteBuffer bytes = ByteBuffer.allocate(v.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asDoubleBuffer().put(v);
        var crc = new CRC32C();
        crc.update(bytes.duplicate());
        Map<String, String> meta = Map.of(KEY_FORMAT, FORMAT_VERSION, KEY_ROWS, Integer.toString(tile.rows()),
                KEY_COLS, Integer.toString(tile.cols()), KEY_LAYOUT, LAYOUT, KEY_CRC, Long.toHexString(crc.getValue()));
        Field field = new Field("v", new FieldType(false, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), null), List.of());
        Schema schema = new Schema(List.of(field), meta);
        try (BufferAllocator alloc = ROOT.newChildAllocator("encode", 0, Long.MAX_VALUE);
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, alloc)) {
            Float8Vector vec = (Float8Vector) root.getVector(0);
            vec.allocateNew(v.length);
            vec.getDataBuffer().setBytes(0, bytes.rewind());
            vec.getValidityBuffer().setOne(0, (int) ((v.length + 7) / 8));
            vec.setValueCount(v.length);
            root.setRowCount(v.length);
            var out = new ByteArrayOutputStream(bytes.capacity() + 1024);
            try (var writer = new ArrowStreamWriter(root, null, Channels.newChannel(out))) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new TileException("cannot encode " + tile, e);
        }
    }

    /** @throws CorruptTileException naming {@code key} if the bytes are not a valid tile */
    public static Tile decode(TileKey key, byte[] data) {
        try (BufferAllocator alloc = ROOT.newChildAllocator("decode", 0, Long.MAX_VALUE);
             var reader = new ArrowStreamReader(new java.io.ByteArrayInputStream(data), alloc)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            Map<String, String> meta = root.getSchema().getCustomMetadata();
            String version = meta == null ? null : meta.get(KEY_FORMAT);
            if (version == null) {
                throw new CorruptTileException("tile " + key + ": not a wren4j tile (no " + KEY_FORMAT + " metadata)");
            }
            if (!FORMAT_VERSION.equals(version)) {
                throw new CorruptTileException("tile " + key + ": unknown tile format version " + version + " (this build reads " + FORMAT_VERSION + ")");
            }
            if (!LAYOUT.equals(meta.get(KEY_LAYOUT))) {
                throw new CorruptTileException("tile " + key + ": unsupported layout " + meta.get(KEY_LAYOUT));
            }
            int rows = Integer.parseInt(meta.get(KEY_ROWS));
            int cols = Integer.parseInt(meta.get(KEY_COLS));
            if (!reader.loadNextBatch()) {
                throw new CorruptTileException("tile " + key + ": stream has no record batch");
            }
            Float8Vector vec = (Float8Vector) root.getVector(0);
            long n = (long) rows * cols;
            if (vec.getValueCount() != n) {
                throw new CorruptTileException("tile " + key + ": shape " + rows + "x" + cols + " but " + vec.getValueCount() + " values");
            }
            ByteBuffer buf = vec.getDataBuffer().nioBuffer(0, (int) (n * Double.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
            var crc = new CRC32C();
            crc.update(buf.duplicate());
            if (!Long.toHexString(crc.getValue()).equals(meta.get(KEY_CRC))) {
                throw new CorruptTileException("tile " + key + ": checksum mismatch (stored " + meta.get(KEY_CRC)
                        + ", computed " + Long.toHexString(crc.getValue()) + "): the bytes are corrupted");
            }
            double[] values = new double[(int) n];
            buf.asDoubleBuffer().get(values);
            return Tile.wrap(rows, cols, values);
        } catch (CorruptTileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptTileException("tile " + key + ": cannot decode " + data.length + " bytes (truncated or not Arrow IPC): " + e, e);
        }
    }
}
