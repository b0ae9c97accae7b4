package org.wren4j.tiles;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.arrow.flatbuf.Buffer;
import org.apache.arrow.flatbuf.FieldNode;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.MetadataVersion;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes the canonical tile stream straight into one pre-sized heap array: a schema message, one
 * record batch (validity bitmap, then the values) and the end-of-stream marker, exactly as the
 * Arrow IPC stream format lays them out. The message headers come from Arrow's own serializer
 * and flatbuffer classes; the values are copied once, from the tile into the output.
 */
final class TileIpcWriter {
    private static final int PREFIX = 8;

    private TileIpcWriter() {
    }

    static byte[] encode(Tile tile, DType dtype) {
        int rows = tile.rows();
        int cols = tile.cols();
        TileLayout layout = TileLayout.of(tile);
        double[] stored = layout.pack(tile.values(), rows);
        long n = stored.length;
        long validityLength = (n + 7) / 8;
        long dataOffset = align8(validityLength);
        long dataLength = n * dtype.bytes();
        long bodyLength = dataOffset + align8(dataLength);

        // The header length does not depend on the checksum (fixed-width hex), so the body can be
        // written, and checksummed, before the real schema message exists; crc 0 is the placeholder.
        ByteBuffer placeholder = schemaMessage(new TileMetadata(rows, cols, dtype, 0, layout), dtype);
        ByteBuffer batch = batchMessage(n, validityLength, dataOffset, dataLength, bodyLength);
        long bodyStart = framedLength(placeholder) + framedLength(batch);
        long total = bodyStart + bodyLength + PREFIX;
        if (total > Integer.MAX_VALUE - 16) {
            throw new TileException("tile of " + rows + "x" + cols + " " + dtype.label() + " values is too large to encode in one "
                    + "array (" + total + " bytes); use smaller blocks");
        }
        byte[] out = new byte[(int) total];
        setValidity(out, (int) bodyStart, n);
        int crc = TileValues.put(stored, dtype, out, (int) (bodyStart + dataOffset));

        ByteBuffer schema = schemaMessage(new TileMetadata(rows, cols, dtype, crc, layout), dtype);
        if (framedLength(schema) != framedLength(placeholder)) {
            throw new IllegalStateException("schema header length changed with the checksum value");
        }
        int pos = writeMessage(out, 0, schema);
        pos = writeMessage(out, pos, batch);
        putIntLE(out, (int) (total - PREFIX), -1); // end of stream: continuation marker, zero length
        return out;
    }

    static Schema schema(TileMetadata meta, DType dtype) {
        var precision = dtype == DType.FLOAT64 ? FloatingPointPrecision.DOUBLE : FloatingPointPrecision.SINGLE;
        Field field = new Field("v", new FieldType(false, new ArrowType.FloatingPoint(precision), null), List.of());
        return new Schema(List.of(field), meta.toMap());
    }

    private static ByteBuffer schemaMessage(TileMetadata meta, DType dtype) {
        return MessageSerializer.serializeMetadata(schema(meta, dtype));
    }

    private static ByteBuffer batchMessage(long n, long validityLength, long dataOffset, long dataLength, long bodyLength) {
        var b = new FlatBufferBuilder(128);
        RecordBatch.startNodesVector(b, 1);
        FieldNode.createFieldNode(b, n, 0);
        int nodes = b.endVector();
        RecordBatch.startBuffersVector(b, 2);
        Buffer.createBuffer(b, dataOffset, dataLength); // flatbuffer struct vectors are built back to front
        Buffer.createBuffer(b, 0, validityLength);
        int buffers = b.endVector();
        RecordBatch.startRecordBatch(b);
        RecordBatch.addLength(b, n);
        RecordBatch.addNodes(b, nodes);
        RecordBatch.addBuffers(b, buffers);
        int batch = RecordBatch.endRecordBatch(b);
        Message.startMessage(b);
        Message.addVersion(b, MetadataVersion.V5);
        Message.addHeaderType(b, MessageHeader.RecordBatch);
        Message.addHeader(b, batch);
        Message.addBodyLength(b, bodyLength);
        b.finish(Message.endMessage(b));
        return b.dataBuffer();
    }

    /** Continuation marker, padded metadata length, metadata, zero padding to 8 bytes. */
    private static int framedLength(ByteBuffer metadata) {
        return (int) align8(PREFIX + metadata.remaining());
    }

    private static int writeMessage(byte[] out, int pos, ByteBuffer metadata) {
        int framed = framedLength(metadata);
        putIntLE(out, pos, -1);
        putIntLE(out, pos + 4, framed - PREFIX);
        metadata.duplicate().get(out, pos + PREFIX, metadata.remaining());
        return pos + framed;
    }

    private static void setValidity(byte[] out, int off, long n) {
        int full = (int) (n / 8);
        java.util.Arrays.fill(out, off, off + full, (byte) 0xFF);
        int rest = (int) (n % 8);
        if (rest != 0) {
            out[off + full] = (byte) ((1 << rest) - 1);
        }
    }

    static void putIntLE(byte[] out, int pos, int v) {
        out[pos] = (byte) v;
        out[pos + 1] = (byte) (v >>> 8);
        out[pos + 2] = (byte) (v >>> 16);
        out[pos + 3] = (byte) (v >>> 24);
    }

    static long align8(long v) {
        return (v + 7) & ~7L;
    }
}
