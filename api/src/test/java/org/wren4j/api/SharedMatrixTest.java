package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedMatrixTest {
    private static double[][] random(int rows, int cols, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int c = 0; c < cols; c++) {
                row[c] = rnd.nextDouble() - 0.5;
            }
        }
        return a;
    }

    /** Writes {@code a} in ranges of the given sizes, each range through a second session on the store, in reverse order. */
    private static BlockMatrix writeShared(Wren driver, Wren writer, double[][] a, int block, long[] sizes) {
        SharedMatrix m = roundTrip(driver.sharedMatrix(a[0].length, block, sizes));
        for (int r = m.ranges() - 1; r >= 0; r--) {
            try (RangeWriter w = m.writer(writer, r)) {
                for (long i = m.firstRow(r); i < m.firstRow(r) + m.rangeRows(r); i++) {
                    w.appendRow(a[(int) i]);
                }
                w.finish();
            }
        }
        for (long t : m.sharedTileRows()) {
            m.mergeTileRow(writer, t);
        }
        return m.finish(driver, List.of());
    }

    private static SharedMatrix roundTrip(SharedMatrix m) {
        try {
            var bytes = new ByteArrayOutputStream();
            try (var out = new ObjectOutputStream(bytes)) {
                out.writeObject(m);
            }
            try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (SharedMatrix) in.readObject();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void raggedRangesOnTwoSessionsGiveTheMatrixBitForBit(@TempDir Path dir) {
        try (Wren driver = Wren.builder().workers(1).storeDirectory(dir).build();
                Wren writer = Wren.builder().workers(1).storeDirectory(dir).build()) {
            double[][] a = random(37, 11, 7);
            // ranges inside one tile row, across several, empty, and ending exactly on a tile edge
            long[] sizes = {3, 0, 2, 12, 1, 2, 0, 17};
            BlockMatrix m = writeShared(driver, writer, a, 5, sizes);
            assertThat(m.rows()).isEqualTo(37);
            assertThat(m.toArray()).isDeepEqualTo(a);
            assertThat(driver.open(m.name()).toArray()).isDeepEqualTo(a);
            assertThat(m.tileRow(7)).isDeepEqualTo(new double[][] {a[35], a[36]});
            assertThat(m.tile(1, 2)[0]).containsExactly(a[5][10]);
        }
    }

    @Test
    void aBlockLargerThanTheMatrixAndOneRowRangesWork(@TempDir Path dir) {
        try (Wren driver = Wren.builder().workers(1).storeDirectory(dir).build()) {
            double[][] a = random(4, 3, 8);
            BlockMatrix m = writeShared(driver, driver, a, 64, new long[] {1, 1, 1, 1});
            assertThat(m.toArray()).isDeepEqualTo(a);
            BlockMatrix one = writeShared(driver, driver, random(1, 1, 9), 3, new long[] {0, 1});
            assertThat(one.toArray()).isDeepEqualTo(random(1, 1, 9));
        }
    }

    @Test
    void sharedTileRowsAreTheOnesARangeStartsInside() {
        try (Wren wren = Wren.builder().workers(1).build()) {
            assertThat(wren.sharedMatrix(2, 4, new long[] {4, 4, 3}).sharedTileRows()).isEmpty();
            assertThat(wren.sharedMatrix(2, 4, new long[] {1, 1, 5, 0, 4}).sharedTileRows()).containsExactly(0L, 1L);
        }
    }

    @Test
    void wholeTilesCanBeWrittenDirectly() {
        try (Wren wren = Wren.builder().workers(1).build()) {
            SharedMatrix m = wren.sharedMatrix(3, 2, new long[] {3});
            m.writeTile(wren, 0, 0, 2, 2, new double[] {1, 2, 3, 4});
            m.writeTile(wren, 0, 1, 2, 1, new double[] {5, 6});
            m.writeTile(wren, 1, 0, 1, 2, new double[] {7, 8});
            m.writeTile(wren, 1, 1, 1, 1, new double[] {9});
            assertThatThrownBy(() -> m.writeTile(wren, 1, 1, 2, 1, new double[] {9, 9})).hasMessageContaining("is 1x1, got 2x1");
            assertThat(m.finish(wren, List.of("a", "b", "c")).toArray()).isDeepEqualTo(new double[][] {{1, 3, 5}, {2, 4, 6}, {7, 8, 9}});
            assertThat(wren.info(m.name()).columnNames()).containsExactly("a", "b", "c");
        }
    }

    @Test
    void badRangesAndRowCountsAreRejected() {
        try (Wren wren = Wren.builder().workers(1).build()) {
            assertThatThrownBy(() -> wren.sharedMatrix(2, 4, new long[] {0, 0})).hasMessageContaining("at least one row");
            assertThatThrownBy(() -> wren.sharedMatrix(2, 4, new long[] {3, -1})).hasMessageContaining("-1 rows");
            SharedMatrix m = wren.sharedMatrix(2, 4, new long[] {1, 2});
            try (RangeWriter w = m.writer(wren, 1)) {
                w.appendRow(new double[] {1, 2});
                assertThatThrownBy(w::finish).hasMessageContaining("holds 2 rows; 1 were appended");
                w.appendRow(new double[] {1, 2});
                assertThatThrownBy(() -> w.appendRow(new double[] {1, 2})).hasMessageContaining("one more was appended");
            }
            assertThatThrownBy(() -> m.mergeTileRow(wren, 0)).hasMessageContaining("reading piece 0 of tile row 0").hasMessageContaining("not found").isInstanceOf(WrenException.class);
        }
    }
}
