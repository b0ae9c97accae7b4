package org.wren4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.Wren;

class ArrowTablesTest {
    @TempDir
    Path tmp;

    @Test
    void matrixToArrowFileAndStreamToMatrixIsExact() {
        try (Wren wren = ParquetTablesTest.session()) {
            double[][] a = ParquetTablesTest.awkward(77, 9, 7);
            BlockMatrix m = wren.fromArray(a, 10);
            for (String name : List.of("m.arrow", "m.arrows", "m.feather")) {
                Path file = tmp.resolve(name);
                Tables.write(m, file, List.of());
                LoadedTable t = Tables.load(wren, file, LoadOptions.builder().nonFinite(NonFinitePolicy.ALLOW).blockSize(8).build());
                assertThat(TestData.bits(t.features().toArray())).as(name).isDeepEqualTo(TestData.bits(a));
                assertThat(t.columnNames()).startsWith("c0", "c1").hasSize(9);
            }
        }
    }

    @Test
    void matrixToRecordBatchesAndBackThroughAReader() throws Exception {
        try (Wren wren = ParquetTablesTest.session(); BufferAllocator allocator = new RootAllocator()) {
            double[][] a = ParquetTablesTest.awkward(45, 4, 3);
            BlockMatrix m = wren.fromArray(a, 16);
            List<String> names = List.of("w", "x", "y", "z");
            List<Integer> batchRows = new ArrayList<>();
            double[][] seen = new double[45][4];
            int[] row = {0};
            Tables.forEachArrowBatch(m, allocator, names, root -> {
                batchRows.add(root.getRowCount());
                for (int r = 0; r < root.getRowCount(); r++, row[0]++) {
                    for (int c = 0; c < 4; c++) {
                        seen[row[0]][c] = ((Float8Vector) root.getVector(names.get(c))).get(r);
                    }
                }
            });
            assertThat(batchRows).containsExactly(16, 16, 13);
            assertThat(TestData.bits(seen)).isDeepEqualTo(TestData.bits(a));

            var out = new ByteArrayOutputStream();
            Tables.writeArrowStream(m, out, names);
            try (var reader = new ArrowStreamReader(new ByteArrayInputStream(out.toByteArray()), allocator)) {
                LoadedTable t = Tables.loadArrow(wren, reader, LoadOptions.builder().columns("z", "w").nonFinite(NonFinitePolicy.ALLOW)
                        .blockSize(7).build());
                assertThat(t.columnNames()).containsExactly("z", "w");
                double[][] back = t.features().toArray();
                for (int r = 0; r < 45; r++) {
                    assertThat(Double.doubleToRawLongBits(back[r][0])).isEqualTo(Double.doubleToRawLongBits(a[r][3]));
                    assertThat(Double.doubleToRawLongBits(back[r][1])).isEqualTo(Double.doubleToRawLongBits(a[r][0]));
                }
            }
        }
    }

    @Test
    void everyArrowNumericTypeWidensToFloat64() {
        try (Wren wren = ParquetTablesTest.session()) {
            for (String name : List.of("mixed.arrow", "mixed.arrows")) {
                LoadedTable t = Tables.loadArrowIpc(wren, TestData.generated().resolve(name),
                        LoadOptions.builder().nullPolicy(NullPolicy.fill(Double.NaN)).blockSize(128).build());
                assertThat(t.columnNames()).as(name).isEqualTo(TestData.NUMERIC);
                assertThat(TestData.bits(t.features().toArray())).as(name)
                        .isDeepEqualTo(TestData.bits(TestData.expectedMixed(TestData.NUMERIC, 0, TestData.MIXED_ROWS)));
            }
        }
    }

    @Test
    void inMemoryRecordBatchLoads() {
        try (Wren wren = ParquetTablesTest.session(); BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(TestData.mixedArrowSchema(), allocator)) {
            TestData.fillMixed(root, 100, 250);
            LoadedTable t = Tables.loadArrow(wren, root, LoadOptions.builder().columns("i16", "u64", "decbin").oneHot("color").blockSize(64).build());
            assertThat(t.columnNames()).containsExactly("i16", "u64", "decbin", "color=blue", "color=green", "color=red");
            double[][] a = t.features().toArray();
            double[][] numbers = TestData.expectedMixed(List.of("i16", "u64", "decbin"), 100, 250);
            for (int r = 0; r < 250; r++) {
                assertThat(java.util.Arrays.copyOf(a[r], 3)).containsExactly(numbers[r]);
            }
            assertThat(t.label()).isEmpty();
        }
    }

    @Test
    void dictionaryEncodedTextOneHotEncodesThroughTheDictionary() throws Exception {
        try (Wren wren = ParquetTablesTest.session(); BufferAllocator allocator = new RootAllocator();
                var reader = new ArrowFileReader(FileChannel.open(TestData.generated().resolve("mixed.arrow"), StandardOpenOption.READ), allocator)) {
            LoadedTable t = Tables.loadArrow(wren, reader, LoadOptions.builder().columns("id").oneHot("dcolor").label("color").build());
            assertThat(t.oneHotMappings()).containsEntry("dcolor", List.of("blue", "green", "red"));
            assertThat(t.labelClasses()).containsExactly("blue", "green", "red");
            double[][] a = t.features().toArray();
            double[][] y = t.label().orElseThrow().toArray();
            for (int r = 0; r < TestData.MIXED_ROWS; r++) {
                int code = List.of("blue", "green", "red").indexOf(TestData.COLORS[r % 3]);
                double[] expected = {r, 0, 0, 0};
                expected[1 + code] = 1;
                assertThat(a[r]).containsExactly(expected);
                assertThat(y[r][0]).isEqualTo(code);
            }
        }
    }

    @Test
    void aOnePassStreamNeedsDeclaredCategories() throws Exception {
        Path stream = TestData.generated().resolve("mixed.arrows");
        try (Wren wren = ParquetTablesTest.session(); BufferAllocator allocator = new RootAllocator()) {
            try (var reader = new ArrowStreamReader(Files.newInputStream(stream), allocator)) {
                assertThatThrownBy(() -> Tables.loadArrow(wren, reader, LoadOptions.builder().oneHot("color").build()))
                        .isInstanceOf(InteropException.class).hasMessageContaining("column 'color'").hasMessageContaining("oneHot(column, categories)");
            }
            try (var reader = new ArrowStreamReader(Files.newInputStream(stream), allocator)) {
                LoadedTable t = Tables.loadArrow(wren, reader, LoadOptions.builder().columns("f64")
                        .oneHot("color", List.of("red", "green", "blue")).label("dcolor", List.of("red", "green", "blue")).build());
                assertThat(t.columnNames()).containsExactly("f64", "color=red", "color=green", "color=blue");
                double[][] a = t.features().toArray();
                double[][] y = t.label().orElseThrow().toArray();
                for (int r = 0; r < TestData.MIXED_ROWS; r++) {
                    assertThat(a[r][1 + r % 3]).isEqualTo(1.0);
                    assertThat(y[r][0]).isEqualTo(r % 3);
                }
            }
            // The same stream from a path can be read twice, so categories are found.
            LoadedTable fromPath = Tables.load(wren, stream, LoadOptions.builder().columns("id").oneHot("color").build());
            assertThat(fromPath.oneHotMappings()).containsEntry("color", List.of("blue", "green", "red"));
        }
    }
}
