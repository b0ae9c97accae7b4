package org.wren4j.tiles;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Little-endian bulk copies between tile values and encoded bytes with the CRC32C computed on
 * the fly. Work proceeds in chunks small enough to stay in cache, so the checksum pass reads
 * bytes that were just copied instead of streaming the whole tile from memory a second time.
 */
final class TileValues {
    /** Values per chunk: 64 KiB of float64, well inside L2. */
    private static final int CHUNK = 8192;

    private TileValues() {
    }

    /** Writes {@code src} at {@code dst[off..]} as {@code dtype}; returns the CRC32C of the written bytes. */
    static int put(double[] src, DType dtype, byte[] dst, int off) {
        var crc = new CRC32C();
        ByteBuffer bytes = ByteBuffer.wrap(dst).order(ByteOrder.LITTLE_ENDIAN);
        int width = dtype.bytes();
        if (dtype == DType.FLOAT64) {
            var view = bytes.position(off).slice().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
            for (int i = 0; i < src.length; i += CHUNK) {
                int n = Math.min(CHUNK, src.length - i);
                view.put(i, src, i, n);
                crc.update(dst, off + i * width, n * width);
            }
        } else {
            var view = bytes.position(off).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] narrow = new float[Math.min(CHUNK, src.length)];
            for (int i = 0; i < src.length; i += CHUNK) {
                int n = Math.min(CHUNK, src.length - i);
                for (int k = 0; k < n; k++) {
                    narrow[k] = (float) src[i + k];
                }
                view.put(i, narrow, 0, n);
                crc.update(dst, off + i * width, n * width);
            }
        }
        return (int) crc.getValue();
    }

    /** Reads {@code dst.length} values of {@code dtype} from {@code src[off..]}; returns the CRC32C of the bytes read. */
    static int get(byte[] src, int off, DType dtype, double[] dst) {
        var crc = new CRC32C();
        ByteBuffer bytes = ByteBuffer.wrap(src).order(ByteOrder.LITTLE_ENDIAN);
        int width = dtype.bytes();
        if (dtype == DType.FLOAT64) {
            var view = bytes.position(off).slice().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
            for (int i = 0; i < dst.length; i += CHUNK) {
                int n = Math.min(CHUNK, dst.length - i);
                crc.update(src, off + i * width, n * width);
                view.get(i, dst, i, n);
            }
        } else {
            var view = bytes.position(off).slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] narrow = new float[Math.min(CHUNK, dst.length)];
            for (int i = 0; i < dst.length; i += CHUNK) {
                int n = Math.min(CHUNK, dst.length - i);
                crc.update(src, off + i * width, n * width);
                view.get(i, narrow, 0, n);
                for (int k = 0; k < n; k++) {
                    dst[i + k] = narrow[k];
                }
            }
        }
        return (int) crc.getValue();
    }
}
