package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;
import static org.wren4j.tiles.TileMetadata.where;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;

/**
 * The tile format through Arrow's vector API: values in off-heap buffers owned by a child of the
 * given allocator, released before each call returns. {@link TileCodec} uses it for valid Arrow
 * streams that are not in the canonical single-batch shape; tests use it to check that the fast
 * path and Arrow agree byte for byte.
 */
final class ArrowTileCodec {
    private final BufferAllocator allocator;

    ArrowTileCodec(BufferAllocator allocator) {
        this.allocator = requireNonNull(allocator, "allocator is null");
    }

    byte[] encode(Tile tile, DType dtype) {
        TileLayout layout = TileLayout.of(tile);
        double[] v = layout.pack(tile.values(), tile.rows());
        ByteBuffer bytes = ByteBuffer.allocate(v.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        int crc = TileValues.put(v, dtype, bytes.array(), 0);
        var meta = new TileMetadata(tile.rows(), tile.cols(), dtype, crc, layout);
        try (BufferAllocator child = allocator.newChildAllocator("tile-encode", 0, Long.MAX_VALUE);
             VectorSchemaRoot root = VectorSchemaRoot.create(TileIpcWriter.schema(meta, dtype), child)) {
            FieldVector vec = root.getVector(0);
            if (vec instanceof Float8Vector f8) {
                f8.allocateNew(v.length);
            } else {
                ((Float4Vector) vec).allocateNew(v.length);
            }
            vec.getDataBuffer().setBytes(0, bytes);
            vec.getValidityBuffer().setOne(0, (v.length + 7) / 8);
            vec.setValueCount(v.length);
            root.setRowCount(v.length);
            var out = new ArrayChannel(v.length * dtype.bytes() + 1024);
            try (var writer = new ArrowStreamWriter(root, null, out)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new TileException("cannot encode " + tile + " through Arrow", e);
        }
    }

    /** Reads every record batch of the stream; @throws CorruptTileException naming {@code key} */
    Tile decode(TileKey key, byte[] data) {
        try (BufferAllocator child = allocator.newChildAllocator("tile-decode", 0, Long.MAX_VALUE);
             var reader = new ArrowStreamReader(new ByteArrayReadableSeekableByteChannel(data), child)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            TileMetadata meta = TileMetadata.parse(key, root.getSchema().getCustomMetadata());
            TileIpcReader.checkField(key, root.getSchema(), meta.dtype());
            if (meta.count() > Integer.MAX_VALUE - 16) {
                throw new CorruptTileException(where(key) + "shape " + meta.rows() + "x" + meta.cols() + " is too large for one tile");
            }
            double[] values = new double[(int) meta.count()];
            var crc = new CRC32C();
            long filled = 0;
            int width = meta.dtype().bytes();
            while (reader.loadNextBatch()) {
                FieldVector vec = root.getVector(0);
                int n = vec.getValueCount();
                if (vec.getNullCount() != 0) {
                    throw new CorruptTileException(where(key) + vec.getNullCount() + " null values; tiles have none");
                }
                if (filled + n > values.length) {
                    meta.checkCount(key, filled + n); // throws: more values than the shape holds
                }
                ArrowBuf valueBuffer = vec.getDataBuffer();
                ByteBuffer buf = valueBuffer.nioBuffer(0, n * width).order(ByteOrder.LITTLE_ENDIAN);
                crc.update(buf.duplicate());
                for (int i = 0; i < n; i++) {
                    values[(int) filled + i] = width == 8 ? buf.getDouble(i * 8) : buf.getFloat(i * 4);
                }
                filled += n;
            }
            meta.checkCount(key, filled);
            meta.checkCrc(key, (int) crc.getValue());
            return meta.tile(values);
        } catch (CorruptTileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CorruptTileException(where(key) + "cannot decode " + data.length + " bytes (truncated or not Arrow IPC): " + e, e);
        }
    }

    /** A growable in-memory channel; pre-sized so the common case never copies. */
    private static final class ArrayChannel implements WritableByteChannel {
        private byte[] buf;
        private int size;

        ArrayChannel(int capacity) {
            buf = new byte[capacity];
        }

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            if (size + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(size + n, buf.length * 2));
            }
            src.get(buf, size, n);
            size += n;
            return n;
        }

        byte[] toByteArray() {
            return size == buf.length ? buf : java.util.Arrays.copyOf(buf, size);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
