package org.wren4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.Wren;

class ParquetTablesTest {
    @TempDir
    Path tmp;

    static Wren session() {
        return Wren.builder().workers(1).build();
    }

    /** Awkward doubles first, then seeded random ones. */
    static double[][] awkward(int rows, int cols, long seed) {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            Double.MAX_VALUE, -Double.MIN_NORMAL, 1e-310, 0.1};
        Random rnd = new Random(seed);
        double[][] a = new double[rows][cols];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                a[r][c] = k < special.length ? special[k++] : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(20) - 10);
            }
        }
        return a;
    }

    @Test
    void matrixToParquetToMatrixIsExactForRaggedRowCounts() {
        try (Wren wren = session()) {
            for (int[] shape : new int[][] {{1, 1}, {103, 7}, {64, 10}, {65, 33}}) {
                double[][] a = awkward(shape[0], shape[1], 42 + shape[0]);
                BlockMatrix m = wren.fromArray(a, 16);
                Path file = tmp.resolve("m" + shape[0] + ".parquet");
                Tables.writeParquet(m, file, List.of());
                assertThat(Tables.columns(file)).extracting(TableColumn::name).startsWith("c0").hasSize(shape[1]);
                for (int block : new int[] {5, 16, 1024}) {
                    LoadedTable t = Tables.loadParquet(wren, file, LoadOptions.builder().nonFinite(NonFinitePolicy.ALLOW).blockSize(block).build());
                    assertThat(t.features().blockSize()).isEqualTo(block);
                    assertThat(TestData.bits(t.features().toArray())).isDeepEqualTo(TestData.bits(a));
                    assertThat(t.rowsRead()).isEqualTo(shape[0]);
                }
            }
        }
    }

    @Test
    void tableToMatrixToTableKeepsNamesAndValues() {
        try (Wren wren = session()) {
            Path mixed = TestData.generated().resolve("mixed.parquet");
            LoadedTable t = Tables.loadParquet(wren, mixed, LoadOptions.builder().columns("f64", "i32", "dec").blockSize(64).build());
            Path out = tmp.resolve("out.parquet");
            Tables.writeParquet(t.features(), out, t.columnNames());
            assertThat(Tables.columns(out)).extracting(TableColumn::name).containsExactly("f64", "i32", "dec");
            LoadedTable back = Tables.loadParquet(wren, out, LoadOptions.builder().blockSize(100).build());
            assertThat(back.columnNames()).isEqualTo(t.columnNames());
            assertThat(back.features().toArray()).isDeepEqualTo(t.features().toArray());
            assertThat(back.features().toArray()[999]).containsExactly(999 / 3.0, TestData.i32(999), TestData.expected("dec", 999));
        }
    }

    @Test
    void wideTableLoadsAndRoundTrips() {
        try (Wren wren = session()) {
            Path wide = TestData.generated().resolve("wide.parquet");
            LoadedTable t = Tables.loadParquet(wren, wide, LoadOptions.builder().blockSize(128).build());
            assertThat(t.features().rows()).isEqualTo(TestData.WIDE_ROWS);
            assertThat(t.features().cols()).isEqualTo(TestData.WIDE_COLS);
            double[][] a = t.features().toArray();
            for (int r = 0; r < TestData.WIDE_ROWS; r += 37) {
                for (int c = 0; c < TestData.WIDE_COLS; c += 101) {
                    assertThat(a[r][c]).isEqualTo(TestData.wide(r, c));
                }
            }
            assertThat(a[TestData.WIDE_ROWS - 1][TestData.WIDE_COLS - 1]).isEqualTo(TestData.wide(TestData.WIDE_ROWS - 1, TestData.WIDE_COLS - 1));
            Path out = tmp.resolve("wide-out.parquet");
            Tables.writeParquet(t.features(), out, t.columnNames());
            assertThat(Tables.loadParquet(wren, out, LoadOptions.builder().blockSize(300).build()).features().toArray()).isDeepEqualTo(a);
        }
    }

    @Test
    void everyNumericTypeWidensToFloat64() {
        try (Wren wren = session()) {
            LoadedTable t = Tables.loadParquet(wren, TestData.generated().resolve("mixed.parquet"),
                    LoadOptions.builder().nullPolicy(NullPolicy.fill(Double.NaN)).blockSize(100).build());
            assertThat(t.columnNames()).isEqualTo(TestData.NUMERIC);
            double[][] a = t.features().toArray();
            assertThat(a).hasNumberOfRows(TestData.MIXED_ROWS);
            assertThat(TestData.bits(a)).isDeepEqualTo(TestData.bits(TestData.expectedMixed(TestData.NUMERIC, 0, TestData.MIXED_ROWS)));
            // Spot checks of the widening itself, independent of the fixture's formulas.
            assertThat(a[0][TestData.NUMERIC.indexOf("u32")]).isEqualTo(4_294_967_295.0);
            assertThat(a[0][TestData.NUMERIC.indexOf("u64")]).isEqualTo(18_446_744_073_709_551_615.0);
            assertThat(a[0][TestData.NUMERIC.indexOf("i8")]).isEqualTo(-128.0);
            assertThat(a[1][TestData.NUMERIC.indexOf("dec")]).isEqualTo(-48.99);
            assertThat(a[1][TestData.NUMERIC.indexOf("f32")]).isEqualTo((double) 0.1f);
            assertThat(a[3][TestData.NUMERIC.indexOf("half")]).isEqualTo(1.5);
            assertThat(a[3][TestData.NUMERIC.indexOf("flag")]).isEqualTo(1.0);
        }
    }

    @Test
    void directoryOfRaggedFilesLoadsInNameOrder() {
        try (Wren wren = session()) {
            Path dir = TestData.generated().resolve("ragged");
            LoadedTable t = Tables.loadParquet(wren, dir, LoadOptions.builder().columns("id", "f64", "decbin").blockSize(16).build());
            int total = java.util.Arrays.stream(TestData.RAGGED_ROWS).sum();
            assertThat(t.features().rows()).isEqualTo(total);
            double[][] a = t.features().toArray();
            for (int r = 0; r < total; r++) {
                assertThat(a[r]).containsExactly(r, r / 3.0, TestData.expected("decbin", r));
            }
        }
    }

    @Test
    void columnsNotAskedForNeverBreakALoad() {
        try (Wren wren = session()) {
            // The file also holds text, a timestamp, a struct, a list and a column with nulls.
            LoadedTable t = Tables.loadParquet(wren, TestData.generated().resolve("mixed.parquet"),
                    LoadOptions.builder().columns("f64").columnsMatching("i1*").build());
            assertThat(t.columnNames()).containsExactly("f64", "i16");
            assertThat(Tables.columns(TestData.generated().resolve("mixed.parquet")))
                    .filteredOn(c -> List.of("note", "ts", "point", "tags").contains(c.name()))
                    .extracting(TableColumn::kind)
                    .containsExactly(ColumnKind.STRING, ColumnKind.OTHER, ColumnKind.OTHER, ColumnKind.OTHER);
        }
    }

    @Test
    void selectionByNameGlobAndKindKeepsOrderAndDropsRepeats() {
        try (Wren wren = session()) {
            Path mixed = TestData.generated().resolve("mixed.parquet");
            LoadedTable t = Tables.loadParquet(wren, mixed, LoadOptions.builder()
                    .columns("f64").columnsMatching("dec*").columnsOfKind(ColumnKind.BOOLEAN, ColumnKind.DECIMAL).columns("id").build());
            assertThat(t.columnNames()).containsExactly("f64", "dec", "dec18", "decbin", "flag", "id");
            LoadedTable ints = Tables.loadParquet(wren, mixed, LoadOptions.builder().columnsOfKind(ColumnKind.INTEGER).build());
            assertThat(ints.columnNames()).containsExactly("id", "i8", "i16", "i32", "u32", "i64", "u64");
            LoadedTable set = Tables.loadParquet(wren, mixed, LoadOptions.builder().columnsMatching("[iu]?[0-9]").build());
            assertThat(set.columnNames()).containsExactly("i16", "i32", "u32", "i64", "u64");
        }
    }

    @Test
    void exportReplacesTheFileWholeAndRejectsBadNames() throws Exception {
        try (Wren wren = session()) {
            BlockMatrix m = wren.fromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}}, 2);
            Path file = tmp.resolve("x.parquet");
            Files.writeString(file, "old");
            Tables.write(m, file, List.of("a", "b"));
            assertThat(Tables.loadParquet(wren, file, LoadOptions.defaults()).features().toArray()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}});
            assertThatThrownBy(() -> Tables.writeParquet(m, file, List.of("a"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 column names");
            assertThatThrownBy(() -> Tables.writeParquet(m, file, List.of("a", "a"))).hasMessageContaining("'a' appears twice");
            assertThatThrownBy(() -> Tables.write(m, tmp.resolve("x.csv"), List.of())).hasMessageContaining(".parquet");
            List<String> left = new ArrayList<>();
            try (var s = Files.list(tmp)) {
                s.forEach(p -> left.add(p.getFileName().toString()));
            }
            assertThat(left).containsExactly("x.parquet");
        }
    }
}
