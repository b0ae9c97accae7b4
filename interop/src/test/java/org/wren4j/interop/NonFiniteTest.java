package org.wren4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wren4j.api.Wren;

/** The non-finite policy: NaN and infinities fail a load by default, naming file, column and row, and load as they are on request. */
class NonFiniteTest {
    static Path table(String name) {
        return TestData.generated().resolve(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonfinite.parquet", "nonfinite.arrow"})
    void nanAndInfinityFailByDefaultNamingFileColumnAndRow(String name) {
        try (Wren wren = ParquetTablesTest.session()) {
            // block 8: row 17 is in the third batch, so the row is counted across batches
            assertThatThrownBy(() -> Tables.load(wren, table(name), LoadOptions.builder().nullPolicy(NullPolicy.fill(0)).blockSize(8).build()))
                    .isInstanceOfSatisfying(InteropException.class, e -> {
                        assertThat(e.getMessage()).contains(name).contains("column 'x'").contains("row 17").contains("NaN")
                                .contains("NonFinitePolicy.ALLOW");
                        assertThat(e.column()).contains("x");
                        assertThat(e.row()).hasValue(17);
                    });
            assertThatThrownBy(() -> Tables.load(wren, table(name), LoadOptions.builder().columns("y").build()))
                    .isInstanceOfSatisfying(InteropException.class, e -> {
                        assertThat(e.getMessage()).contains("column 'y'").contains("row 25").contains("Infinity");
                        assertThat(e.row()).hasValue(25);
                    });
            // a label is checked like a feature, and the first bad row is named whichever column holds it
            assertThatThrownBy(() -> Tables.load(wren, table(name), LoadOptions.builder().columns("y").label("x")
                    .nonFinite(NonFinitePolicy.FAIL).build()))
                    .isInstanceOfSatisfying(InteropException.class, e -> assertThat(e.row()).hasValue(17));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonfinite.parquet", "nonfinite.arrow"})
    void aNaNTheNullPolicyPutsInIsNotAFailure(String name) {
        try (Wren wren = ParquetTablesTest.session()) {
            // z is null at row 5 (filled with NaN as asked) and -Inf at row 30 (read from the table)
            assertThatThrownBy(() -> Tables.load(wren, table(name), LoadOptions.builder().columns("z").nullPolicy(NullPolicy.fill(Double.NaN)).build()))
                    .isInstanceOfSatisfying(InteropException.class, e -> {
                        assertThat(e.row()).hasValue(30);
                        assertThat(e.getMessage()).contains("column 'z'").contains("-Infinity");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonfinite.parquet", "nonfinite.arrow"})
    void allowLoadsTheValuesBitForBit(String name) {
        try (Wren wren = ParquetTablesTest.session()) {
            LoadedTable t = Tables.load(wren, table(name), LoadOptions.builder().nonFinite(NonFinitePolicy.ALLOW)
                    .nullPolicy(NullPolicy.fill(Double.NaN)).label("y").blockSize(8).build());
            assertThat(t.columnNames()).containsExactly("x", "z");
            assertThat(TestData.bits(t.features().toArray())).isDeepEqualTo(TestData.bits(NonFiniteData.expected(List.of("x", "z"))));
            assertThat(TestData.bits(t.label().orElseThrow().toArray())).isDeepEqualTo(TestData.bits(NonFiniteData.expected(List.of("y"))));
        }
    }

    @Test
    void policyParsesTheCommandLineForms() {
        assertThat(NonFinitePolicy.parse("fail")).isEqualTo(NonFinitePolicy.FAIL);
        assertThat(NonFinitePolicy.parse(" allow ")).isEqualTo(NonFinitePolicy.ALLOW);
        assertThat(NonFinitePolicy.ALLOW).hasToString("allow");
        assertThatThrownBy(() -> NonFinitePolicy.parse("skip")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'skip'").hasMessageContaining("fail, allow");
        assertThat(LoadOptions.defaults().nonFinite()).isEqualTo(NonFinitePolicy.FAIL);
        LoadOptions allow = LoadOptions.builder().nonFinite(NonFinitePolicy.ALLOW).build();
        assertThat(allow.mutate().build().nonFinite()).isEqualTo(NonFinitePolicy.ALLOW);
    }
}
