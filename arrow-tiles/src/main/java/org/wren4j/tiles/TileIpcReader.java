package org.wren4j.tiles;

import static org.wren4j.tiles.TileMetadata.where;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Reads a tile stream in place: the headers are parsed with Arrow's flatbuffer classes and the
 * values are copied once, from the input array into the tile, while the checksum is computed.
 * Streams of another shape that are still valid Arrow (legacy framing, dictionaries, several
 * record batches) are left to {@link ArrowTileCodec}: {@link #decode} then returns {@code null}.
 */
final class TileIpcReader {
    private static final int PREFIX = 8;

    private TileIpcReader() {
    }

    /** @return the tile, or {@code null} if the stream is not in the canonical single-batch shape */
    static Tile decode(TileKey key, byte[] data) {
        if (data.length < PREFIX) {
            throw new CorruptTileException(where(key) + "truncated: " + data.length + " bytes cannot hold an Arrow stream");
        }
        if (intLE(data, 0) != -1) {
            // Pre-0.15 Arrow framing starts with the metadata length instead of the marker.
            if (plausibleLength(data, 0, intLE(data, 0))) {
                return null;
            }
            throw new CorruptTileException(where(key) + "not an Arrow IPC stream (bad first message prefix)");
        }
        int schemaLength = intLE(data, 4);
        int pos = PREFIX;
        checkAvailable(key, data, pos, schemaLength, "schema message");
        Message schemaMessage = message(data, pos, schemaLength);
        if (schemaMessage.headerType() != MessageHeader.Schema) {
            throw new CorruptTileException(where(key) + "stream does not start with a schema message");
        }
        Schema schema = MessageSerializer.deserializeSchema(schemaMessage);
        TileMetadata meta = TileMetadata.parse(key, schema.getCustomMetadata());
        checkField(key, schema, meta.dtype());
        pos += schemaLength;

        checkAvailable(key, data, pos, PREFIX, "record batch");
        if (intLE(data, pos) != -1) {
            throw new CorruptTileException(where(key) + "bad message prefix at byte " + pos);
        }
        int batchLength = intLE(data, pos + 4);
        if (batchLength == 0) {
            throw new CorruptTileException(where(key) + "stream has no record batch");
        }
        pos += PREFIX;
        checkAvailable(key, data, pos, batchLength, "record batch header");
        Message batchMessage = message(data, pos, batchLength);
        if (batchMessage.headerType() != MessageHeader.RecordBatch) {
            // A tile column is never dictionary-encoded, so any other message here is damage.
            throw new CorruptTileException(where(key) + "expected a record batch message, found header type " + batchMessage.headerType());
        }
        RecordBatch batch = (RecordBatch) batchMessage.header(new RecordBatch());
        pos += batchLength;
        long bodyLength = batchMessage.bodyLength();
        checkAvailable(key, data, pos, bodyLength, "record batch body");
        int bodyStart = pos;
        pos += (int) bodyLength;
        checkAvailable(key, data, pos, PREFIX, "end-of-stream marker");
        if (intLE(data, pos) != -1 || intLE(data, pos + 4) != 0) {
            if (intLE(data, pos) == -1 && plausibleLength(data, pos + PREFIX, intLE(data, pos + 4))) {
                return null; // another message follows: more batches than the canonical one
            }
            throw new CorruptTileException(where(key) + "corrupted end-of-stream marker at byte " + pos);
        }
        if (pos + PREFIX != data.length) {
            throw new CorruptTileException(where(key) + (data.length - pos - PREFIX) + " unexpected bytes after the end of the stream");
        }
        return values(key, data, meta, batch, bodyStart, bodyLength);
    }

    private static Tile values(TileKey key, byte[] data, TileMetadata meta, RecordBatch batch, int bodyStart, long bodyLength) {
        if (batch.compression() != null) {
            throw new CorruptTileException(where(key) + "compressed record batches are not a wren4j tile format");
        }
        if (batch.nodesLength() != 1 || batch.buffersLength() != 2) {
            throw new CorruptTileException(where(key) + "record batch has " + batch.nodesLength() + " columns and "
                    + batch.buffersLength() + " buffers; a tile has one Float column with two buffers");
        }
        FieldNode node = batch.nodes(0);
        meta.checkCount(key, batch.length());
        meta.checkCount(key, node.length());
        if (node.nullCount() != 0) {
            throw new CorruptTileException(where(key) + node.nullCount() + " null values; tiles have none");
        }
        Buffer buffer = batch.buffers(1);
        long width = meta.dtype().bytes();
        if (buffer.offset() < 0 || buffer.length() < meta.count() * width || buffer.offset() + meta.count() * width > bodyLength) {
            throw new CorruptTileException(where(key) + "value buffer [" + buffer.offset() + ", +" + buffer.length()
                    + ") does not hold " + meta.count() + " values inside a body of " + bodyLength + " bytes");
        }
        if (meta.count() > Integer.MAX_VALUE - 16) {
            throw new CorruptTileException(where(key) + "shape " + meta.rows() + "x" + meta.cols() + " is too large for one tile");
        }
        double[] values = new double[(int) meta.count()];
        meta.checkCrc(key, TileValues.get(data, bodyStart + (int) buffer.offset(), meta.dtype(), values));
        return meta.tile(values);
    }

    static void checkField(TileKey key, Schema schema, DType dtype) {
        List<Field> fields = schema.getFields();
        var expected = dtype == DType.FLOAT64 ? FloatingPointPrecision.DOUBLE : FloatingPointPrecision.SINGLE;
        if (fields.size() != 1 || !(fields.get(0).getType() instanceof ArrowType.FloatingPoint fp) || fp.getPrecision() != expected) {
            throw new CorruptTileException(where(key) + "schema " + schema + " is not one " + dtype.label() + " column");
        }
    }

    private static boolean plausibleLength(byte[] data, int pos, int length) {
        return length > 0 && length % 8 == 0 && (long) pos + length <= data.length;
    }

    private static Message message(byte[] data, int pos, int length) {
        return Message.getRootAsMessage(ByteBuffer.wrap(data, pos, length).slice());
    }

    private static void checkAvailable(TileKey key, byte[] data, long pos, long length, String what) {
        if (length < 0 || pos + length > data.length) {
            throw new CorruptTileException(where(key) + "truncated: " + what + " needs bytes up to " + (pos + length)
                    + " but only " + data.length + " were read");
        }
    }

    static int intLE(byte[] b, int pos) {
        return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16 | (b[pos + 3] & 0xFF) << 24;
    }
}
