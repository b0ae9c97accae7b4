package org.wren4j.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Triangular and symmetric tiles are stored packed, and come back bit for bit. */
class TileLayoutTest {
    private static final TileKey KEY = TileKey.of("L", 2, 1);

    /** Lower triangular: random below and on the diagonal, +0.0 above. */
    static Tile lower(int n, long seed) {
        double[] v = Tiles.random(n, n, seed).values().clone();
        for (int c = 1; c < n; c++) {
            java.util.Arrays.fill(v, c * n, c * n + c, 0.0);
        }
        return Tile.wrap(n, n, v);
    }

    static Tile upper(int n, long seed) {
        return lower(n, seed).transpose();
    }

    /** Symmetric, with special values (NaN payloads, -0.0, infinities) mirrored too. */
    static Tile symmetric(int n, long seed) {
        double[] v = Tiles.random(n, n, seed).values().clone();
        for (int i = 0; i < Math.min(n, Tiles.SPECIAL.length); i++) {
            v[i] = Tiles.SPECIAL[i]; // column 0, rows 0..: the mirror puts them in row 0
        }
        Symmetry.mirrorLower(v, n);
        return Tile.wrap(n, n, v);
    }

    private static String layoutOf(byte[] encoded) {
        String text = new String(encoded, 0, Math.min(encoded.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        // longest label first: "lower-packed" is part of "symmetric-lower-packed"
        for (TileLayout l : new TileLayout[] {TileLayout.SYMMETRIC, TileLayout.UPPER, TileLayout.LOWER, TileLayout.DENSE}) {
            if (text.contains(l.label)) {
                return l.label;
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 63, 64, 65, 130})
    void triangularAndSymmetricTilesRoundTripPackedInAboutHalfTheBytes(int n) {
        int dense = TileCodec.encode(Tiles.random(n, n, 1)).length;
        for (Tile t : new Tile[] {lower(n, n), upper(n, n + 1), symmetric(n, n + 2)}) {
            byte[] bytes = TileCodec.encode(t);
            assertThat(Tiles.sameBits(TileCodec.decode(KEY, bytes), t)).isTrue();
            assertThat(layoutOf(bytes)).isNotEqualTo("column-major");
            long packedValues = (long) n * (n + 1) / 2;
            assertThat(bytes.length).isLessThan(dense - (int) ((long) n * n - packedValues) * 8 + 64);
        }
        assertThat(layoutOf(TileCodec.encode(lower(n, 3)))).isEqualTo("lower-packed");
        assertThat(layoutOf(TileCodec.encode(upper(n, 3)))).isEqualTo("upper-packed");
        assertThat(layoutOf(TileCodec.encode(symmetric(n, 3)))).isEqualTo("symmetric-lower-packed");
    }

    @Test
    void anythingShortOfExactStructureStaysDense() {
        int n = 70;
        double[] almost = symmetric(n, 5).values().clone();
        almost[3 * n + 65] = Math.nextUp(almost[3 * n + 65]); // one element of the lower triangle, 1 ulp off
        double[] negativeZero = lower(n, 6).values().clone();
        negativeZero[69 * n + 68] = -0.0; // above the diagonal: -0.0 is not +0.0, bit for bit
        double[] belowDiagonal = upper(n, 7).values().clone();
        belowDiagonal[0 * n + 69] = 1e-300;
        for (Tile t : new Tile[] {Tile.wrap(n, n, almost), Tile.wrap(n, n, negativeZero), Tile.wrap(n, n, belowDiagonal),
                Tiles.random(n, n, 8), Tiles.random(n, n + 1, 9), Tiles.random(1, 1, 10)}) {
            byte[] bytes = TileCodec.encode(t);
            assertThat(layoutOf(bytes)).isEqualTo("column-major");
            assertThat(Tiles.sameBits(TileCodec.decode(KEY, bytes), t)).isTrue();
        }
    }

    @Test
    void zerosAndTheIdentityAreTriangular() {
        for (Tile t : new Tile[] {Tile.zeros(9, 9), identity(9)}) {
            byte[] bytes = TileCodec.encode(t);
            assertThat(layoutOf(bytes)).isEqualTo("lower-packed");
            assertThat(TileCodec.decode(KEY, bytes)).isEqualTo(t);
        }
    }

    @Test
    void float32PacksToo() {
        Tile t = symmetric(33, 11);
        Tile back = TileCodec.decode(KEY, TileCodec.encode(t, DType.FLOAT32));
        for (int i = 0; i < t.values().length; i++) {
            assertThat(Double.doubleToRawLongBits(back.values()[i])).isEqualTo(Double.doubleToRawLongBits((float) t.values()[i]));
        }
    }

    @Test
    void arrowsOwnWriterAndReaderPackAndUnpackAsTheFastPathDoes() {
        try (BufferAllocator allocator = new RootAllocator()) {
            var arrow = new ArrowTileCodec(allocator);
            for (Tile t : new Tile[] {lower(40, 1), upper(41, 2), symmetric(42, 3)}) {
                for (DType dtype : DType.values()) {
                    byte[] fast = TileCodec.encode(t, dtype);
                    byte[] viaArrow = arrow.encode(t, dtype);
                    assertThat(layoutOf(viaArrow)).isEqualTo(layoutOf(fast)).isNotEqualTo("column-major");
                    assertThat(Tiles.sameBits(arrow.decode(KEY, fast), TileCodec.decode(KEY, fast))).isTrue();
                    assertThat(Tiles.sameBits(TileCodec.decode(KEY, viaArrow), TileCodec.decode(KEY, fast))).isTrue();
                }
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    @Test
    void packedLayoutOnANonSquareShapeOrAnUnknownLayoutIsCorrupt() throws Exception {
        try (BufferAllocator allocator = new RootAllocator()) {
            double[] v = {1, 2, 3};
            byte[] nonSquare = ArrowStreams.write(allocator, ArrowStreams.metadata("3", "1", "lower-packed", v), v);
            assertThatThrownBy(() -> TileCodec.decode(KEY, nonSquare)).isInstanceOf(CorruptTileException.class)
                    .hasMessageContaining("lower-packed needs a square tile").hasMessageContaining("3x1").hasMessageContaining("matrix L");
            byte[] unknown = ArrowStreams.write(allocator, ArrowStreams.metadata("2", "2", "diagonal", v), v);
            assertThatThrownBy(() -> TileCodec.decode(KEY, unknown)).isInstanceOf(CorruptTileException.class)
                    .hasMessageContaining("unsupported layout diagonal").hasMessageContaining("symmetric-lower-packed");
            byte[] tooFew = ArrowStreams.write(allocator, ArrowStreams.metadata("3", "3", "symmetric-lower-packed", v), v);
            assertThatThrownBy(() -> TileCodec.decode(KEY, tooFew)).isInstanceOf(CorruptTileException.class)
                    .hasMessageContaining("wrong shape").hasMessageContaining("3x3 symmetric-lower-packed (6 values)");
        }
    }

    @Test
    void symmetryTestsAndTheMirrorWorkAcrossBlockBoundaries() {
        int n = 150; // more than two 64-wide blocks
        Tile s = symmetric(n, 12);
        assertThat(Symmetry.isSymmetric(s)).isTrue();
        double[] v = s.values().clone();
        v[140 * n + 2] = 7; // element (2, 140): upper triangle, far block
        assertThat(Symmetry.isSymmetric(Tile.wrap(n, n, v))).isFalse();
        Symmetry.mirrorLower(v, n);
        assertThat(Tiles.sameBits(Tile.wrap(n, n, v), s)).isTrue();
        assertThat(Symmetry.isLowerTriangular(lower(n, 1))).isTrue();
        assertThat(Symmetry.isUpperTriangular(lower(n, 1))).isFalse();
        assertThat(Symmetry.isUpperTriangular(upper(n, 1))).isTrue();
        assertThat(Symmetry.isSymmetric(Tiles.random(3, 4, 1))).isFalse();
    }

    private static Tile identity(int n) {
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        return Tile.wrap(n, n, v);
    }
}
