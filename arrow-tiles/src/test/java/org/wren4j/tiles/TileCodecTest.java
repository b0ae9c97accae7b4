package org.wren4j.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileCodecTest {
    private static final TileKey KEY = TileKey.of("A", 3, 4);

    private BufferAllocator allocator;

    @BeforeEach
    void openAllocator() {
        allocator = new RootAllocator();
    }

    /** Closing the root allocator fails if any test leaked an Arrow buffer. */
    @AfterEach
    void closeAllocator() {
        allocator.close();
        assertThat(TileCodec.arrowBytesInUse()).as("off-heap bytes left by the codec's Arrow path").isZero();
    }

    @ParameterizedTest
    @CsvSource({"1,1", "3,5", "7,1", "1,9", "64,64", "100,37", "33,257", "0,0", "0,5", "5,0"})
    void roundTripsRaggedOneByOneAndEmptyTiles(int rows, int cols) {
        Tile tile = Tiles.random(rows, cols, 42L * rows + cols);
        byte[] bytes = TileCodec.encode(tile);
        Tile back = TileCodec.decode(KEY, bytes);
        assertThat(Tiles.sameBits(back, tile)).isTrue();
        assertThat(back.rows()).isEqualTo(rows);
        assertThat(back.cols()).isEqualTo(cols);
    }

    @Test
    void preservesNanPayloadsInfinitiesSignedZerosAndExtremes() {
        Tile tile = Tiles.special(13, 11);
        Tile back = TileCodec.decode(KEY, TileCodec.encode(tile));
        assertThat(Tiles.sameBits(back, tile)).isTrue();
        assertThat(Double.doubleToRawLongBits(back.get(3, 0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void encodingIsDeterministic() {
        Tile tile = Tiles.random(40, 30, 7);
        assertThat(TileCodec.encode(tile)).isEqualTo(TileCodec.encode(Tile.wrap(40, 30, tile.values().clone())));
    }

    @Test
    void float32NarrowsOnWriteAndWidensOnRead() {
        Tile tile = Tiles.random(9, 7, 3);
        byte[] bytes = TileCodec.encode(tile, DType.FLOAT32);
        assertThat(bytes.length).isLessThan(TileCodec.encode(tile).length);
        Tile back = TileCodec.decode(KEY, bytes);
        for (int i = 0; i < tile.values().length; i++) {
            assertThat(back.values()[i]).isEqualTo((double) (float) tile.values()[i]);
        }
        Tile special = TileCodec.decode(KEY, TileCodec.encode(Tiles.special(4, 5), DType.FLOAT32));
        assertThat(special.get(0, 0)).isNaN();
        assertThat(special.get(1, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(special.get(2, 1)).isEqualTo(Double.POSITIVE_INFINITY); // MAX_VALUE overflows float32
    }

    @Test
    void fastPathOutputIsReadByArrowAndLeaksNothing() {
        var arrow = new ArrowTileCodec(allocator);
        for (DType dtype : DType.values()) {
            Tile tile = Tiles.special(17, 19);
            Tile viaArrow = arrow.decode(KEY, TileCodec.encode(tile, dtype));
            assertThat(Tiles.sameBits(viaArrow, TileCodec.decode(KEY, TileCodec.encode(tile, dtype)))).isTrue();
        }
        assertThat(allocator.getAllocatedMemory()).isZero();
    }

    @Test
    void arrowWriterOutputIsReadByTheFastPath() {
        var arrow = new ArrowTileCodec(allocator);
        for (DType dtype : DType.values()) {
            Tile tile = Tiles.random(23, 5, 11);
            assertThat(TileCodec.decode(KEY, arrow.encode(tile, dtype))).isEqualTo(TileCodec.decode(KEY, TileCodec.encode(tile, dtype)));
        }
    }

    @Test
    void readsStreamsWithSeveralRecordBatchesThroughArrow() throws Exception {
        double[] all = Tiles.random(6, 4, 5).values();
        byte[] bytes = ArrowStreams.write(allocator, metadata("6", "4", all), Arrays.copyOfRange(all, 0, 10),
                Arrays.copyOfRange(all, 10, 11), Arrays.copyOfRange(all, 11, 24));
        assertThat(TileCodec.decode(KEY, bytes)).isEqualTo(Tile.wrap(6, 4, all));
    }

    @Test
    void everySingleByteCorruptionIsDetectedOrHarmless() {
        Tile tile = Tiles.random(5, 3, 9);
        byte[] good = TileCodec.encode(tile);
        int detected = 0;
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x5A;
            try {
                Tile back = TileCodec.decode(KEY, bad);
                assertThat(Tiles.sameBits(back, tile)).as("flip at byte %d decoded to different values", i).isTrue();
            } catch (CorruptTileException e) {
                assertThat(e).hasMessageContaining("A[3, 4]").hasMessageContaining("matrix A");
                detected++;
            }
        }
        int valueBytes = 15 * Double.BYTES;
        assertThat(detected).isGreaterThanOrEqualTo(valueBytes);
    }

    @Test
    void everyFlippedValueByteFailsTheChecksum() {
        Tile tile = Tiles.random(4, 4, 13);
        byte[] good = TileCodec.encode(tile);
        int valuesStart = good.length - 8 - 16 * Double.BYTES;
        for (int i = valuesStart; i < valuesStart + 16 * Double.BYTES; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 1;
            assertThatThrownBy(() -> TileCodec.decode(KEY, bad)).isInstanceOf(CorruptTileException.class)
                    .hasMessageContaining("checksum mismatch").hasMessageContaining("A[3, 4]");
        }
    }

    @Test
    void everyTruncationIsDetected() {
        byte[] good = TileCodec.encode(Tiles.random(6, 5, 17));
        for (int n = 0; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            assertThatThrownBy(() -> TileCodec.decode(KEY, cut)).as("truncated to %d of %d bytes", n, good.length)
                    .isInstanceOf(CorruptTileException.class).hasMessageContaining("A[3, 4]");
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] good = TileCodec.encode(Tiles.random(2, 2, 1));
        assertThatThrownBy(() -> TileCodec.decode(KEY, Arrays.copyOf(good, good.length + 3)))
                .isInstanceOf(CorruptTileException.class).hasMessageContaining("after the end of the stream");
    }

    @Test
    void garbageAndEmptyInputAreCorrupt() {
        assertThatThrownBy(() -> TileCodec.decode(KEY, new byte[0])).isInstanceOf(CorruptTileException.class);
        byte[] garbage = new byte[300];
        new java.util.SplittableRandom(1).nextBytes(garbage);
        assertThatThrownBy(() -> TileCodec.decode(KEY, garbage)).isInstanceOf(CorruptTileException.class).hasMessageContaining("A[3, 4]");
    }

    @Test
    void unknownFormatVersionIsNamed() throws Exception {
        double[] v = {1, 2, 3, 4};
        var meta = metadata("2", "2", v);
        meta.put("wren4j.format", "9");
        byte[] bytes = ArrowStreams.write(allocator, meta, v);
        assertThatThrownBy(() -> TileCodec.decode(KEY, bytes)).isInstanceOf(CorruptTileException.class)
                .hasMessageContaining("unknown tile format version 9").hasMessageContaining("matrix A");
    }

    @Test
    void streamWithoutWrenMetadataIsNotATile() throws Exception {
        byte[] bytes = ArrowStreams.write(allocator, Map.of(), new double[] {1});
        assertThatThrownBy(() -> TileCodec.decode(KEY, bytes)).isInstanceOf(CorruptTileException.class)
                .hasMessageContaining("not a wren4j tile");
    }

    @Test
    void shapeThatDisagreesWithTheValuesIsWrongShape() throws Exception {
        double[] v = {1, 2, 3, 4, 5, 6};
        byte[] bytes = ArrowStreams.write(allocator, metadata("4", "2", v), v);
        assertThatThrownBy(() -> TileCodec.decode(KEY, bytes)).isInstanceOf(CorruptTileException.class)
                .hasMessageContaining("wrong shape").hasMessageContaining("4x2");
    }

    @Test
    void expectedShapeIsChecked() {
        byte[] bytes = TileCodec.encode(Tiles.random(3, 2, 1));
        assertThat(TileCodec.decode(KEY, bytes, 3, 2).rows()).isEqualTo(3);
        assertThatThrownBy(() -> TileCodec.decode(KEY, bytes, 2, 3)).isInstanceOf(CorruptTileException.class)
                .hasMessageContaining("wrong shape").hasMessageContaining("3x2").hasMessageContaining("2x3").hasMessageContaining("A[3, 4]");
    }

    private static Map<String, String> metadata(String rows, String cols, double[] values) {
        return ArrowStreams.metadata(rows, cols, "column-major", values);
    }
}
