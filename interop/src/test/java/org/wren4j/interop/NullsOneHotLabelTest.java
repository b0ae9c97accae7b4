package org.wren4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wren4j.api.Wren;

/** Null policies, one-hot encoding and label columns, on the same table as Parquet and as Arrow. */
class NullsOneHotLabelTest {
    static Path table(String name) {
        return TestData.generated().resolve(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed.parquet", "mixed.arrow"})
    void nullsFailByDefaultNamingFileColumnAndRow(String name) {
        try (Wren wren = ParquetTablesTest.session()) {
            assertThatThrownBy(() -> Tables.load(wren, table(name), LoadOptions.builder().columns("f64", "opt_f64").build()))
                    .isInstanceOfSatisfying(InteropException.class, e -> {
                        assertThat(e.getMessage()).contains(name).contains("column 'opt_f64'").contains("row 3").contains("null");
                        assertThat(e.column()).contains("opt_f64");
                        assertThat(e.row()).hasValue(3);
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed.parquet", "mixed.arrow"})
    void fillReplacesNulls(String name) {
        try (Wren wren = ParquetTablesTest.session()) {
            LoadedTable t = Tables.load(wren, table(name), LoadOptions.builder().columns("opt_f64").nullPolicy(NullPolicy.fill(-1)).build());
            double[][] a = t.features().toArray();
            for (int r = 0; r < TestData.MIXED_ROWS; r++) {
                assertThat(a[r][0]).isEqualTo(TestData.optF64IsNull(r) ? -1.0 : r * 2.5);
            }
            assertThat(t.rowsDropped()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed.parquet", "mixed.arrow"})
    void dropRowDropsTheRowFromFeaturesAndLabel(String name) {
        try (Wren wren = ParquetTablesTest.session()) {
            LoadedTable t = Tables.load(wren, table(name), LoadOptions.builder().columns("opt_f64").oneHot("opt_color").label("id")
                    .nullPolicy(NullPolicy.dropRow()).blockSize(32).build());
            int[] kept = IntStream.range(0, TestData.MIXED_ROWS).filter(r -> !TestData.optF64IsNull(r) && !TestData.optColorIsNull(r)).toArray();
            assertThat(t.rows()).isEqualTo(kept.length);
            assertThat(t.rowsRead()).isEqualTo(TestData.MIXED_ROWS);
            assertThat(t.rowsDropped()).isEqualTo(TestData.MIXED_ROWS - kept.length);
            assertThat(t.columnNames()).containsExactly("opt_f64", "opt_color=cyan", "opt_color=magenta");
            double[][] a = t.features().toArray();
            double[][] y = t.label().orElseThrow().toArray();
            for (int i = 0; i < kept.length; i++) {
                int r = kept[i];
                assertThat(y[i][0]).isEqualTo(r);
                assertThat(a[i]).containsExactly(r * 2.5, r % 2 == 0 ? 1 : 0, r % 2 == 1 ? 1 : 0);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed.parquet", "mixed.arrow"})
    void oneHotWithFoundAndDeclaredCategories(String name) {
        try (Wren wren = ParquetTablesTest.session()) {
            LoadedTable found = Tables.load(wren, table(name), LoadOptions.builder().columns("id").oneHot("color").oneHot("flag")
                    .oneHot("opt_color").nullPolicy(NullPolicy.fill(0)).build());
            assertThat(found.oneHotMappings()).containsExactly(
                    java.util.Map.entry("color", List.of("blue", "green", "red")),
                    java.util.Map.entry("flag", List.of("false", "true")),
                    java.util.Map.entry("opt_color", List.of("cyan", "magenta")));
            assertThat(found.columnNames()).containsExactly("id", "color=blue", "color=green", "color=red", "flag=false", "flag=true",
                    "opt_color=cyan", "opt_color=magenta");
            double[][] a = found.features().toArray();
            for (int r = 0; r < TestData.MIXED_ROWS; r++) {
                double[] e = new double[8];
                e[0] = r;
                e[1 + List.of("blue", "green", "red").indexOf(TestData.COLORS[r % 3])] = 1;
                e[r % 3 == 0 ? 5 : 4] = 1;
                if (!TestData.optColorIsNull(r)) {
                    e[6 + r % 2] = 1;
                }
                assertThat(a[r]).as("row %d", r).containsExactly(e);
            }

            LoadedTable declared = Tables.load(wren, table(name), LoadOptions.builder().columns("f64")
                    .oneHot("color", List.of("red", "green", "blue", "violet")).build());
            assertThat(declared.columnNames()).containsExactly("f64", "color=red", "color=green", "color=blue", "color=violet");
            assertThat(declared.features().toArray()[2]).containsExactly(2 / 3.0, 0, 0, 1, 0);

            assertThatThrownBy(() -> Tables.load(wren, table(name), LoadOptions.builder().columns("id").oneHot("color", List.of("red", "green")).build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("column 'color'").hasMessageContaining("row 2")
                    .hasMessageContaining("'blue' is not among the declared categories");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed.parquet", "mixed.arrow"})
    void integerColumnsOneHotEncodeInNumericOrder(String name) {
        try (Wren wren = ParquetTablesTest.session()) {
            LoadedTable t = Tables.load(wren, table(name), LoadOptions.builder().columns("f64").oneHot("i8").build());
            List<String> cats = t.oneHotMappings().get("i8");
            assertThat(cats).hasSize(256).startsWith("-128", "-127").endsWith("126", "127");
            double[][] a = t.features().toArray();
            assertThat(a[5][1 + TestData.i8(5) + 128]).isEqualTo(1.0);
            assertThat(java.util.Arrays.stream(a[5]).sum()).isEqualTo(1.0 + 5 / 3.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mixed.parquet", "mixed.arrow"})
    void labelsSplitOffAsVectors(String name) {
        try (Wren wren = ParquetTablesTest.session()) {
            LoadedTable numeric = Tables.load(wren, table(name), LoadOptions.builder().label("f64").nullPolicy(NullPolicy.fill(Double.NaN))
                    .blockSize(100).build());
            assertThat(numeric.columnNames()).doesNotContain("f64").contains("id", "i8", "opt_f64");
            assertThat(numeric.features().cols()).isEqualTo(TestData.NUMERIC.size() - 1);
            assertThat(numeric.labelClasses()).isEmpty();
            double[][] y = numeric.label().orElseThrow().toArray();
            assertThat(y).hasNumberOfRows(TestData.MIXED_ROWS);
            assertThat(y[999]).containsExactly(999 / 3.0);

            LoadedTable text = Tables.load(wren, table(name), LoadOptions.builder().columns("id").label("color").build());
            assertThat(text.labelClasses()).containsExactly("blue", "green", "red");
            double[][] classes = text.label().orElseThrow().toArray();
            for (int r = 0; r < TestData.MIXED_ROWS; r++) {
                assertThat(text.labelClasses().get((int) classes[r][0])).isEqualTo(TestData.COLORS[r % 3]);
            }

            assertThatThrownBy(() -> Tables.load(wren, table(name), LoadOptions.builder().columns("id").label("opt_f64").build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("column 'opt_f64'").hasMessageContaining("row 3");
            assertThatThrownBy(() -> Tables.load(wren, table(name), LoadOptions.builder().columns("id").label("id").build()))
                    .isInstanceOf(InteropException.class).hasMessageContaining("is the label");
        }
    }
}
