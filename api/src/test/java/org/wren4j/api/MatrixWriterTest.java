package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixWriterTest {
    @Test
    void streamedRowsRoundTripThroughRowBlocks() {
        try (Wren wren = Wren.builder().workers(1).build()) {
            int rows = 23;
            int cols = 7;
            double[][] expected = new double[rows][cols];
            BlockMatrix m;
            try (MatrixWriter w = wren.matrixWriter(cols, 5)) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        expected[r][c] = r * 100 + c + 0.5;
                    }
                    w.appendRow(expected[r]);
                }
                m = w.finish();
            }
            assertThat(m.rows()).isEqualTo(rows);
            assertThat(m.toArray()).isDeepEqualTo(expected);
            List<Long> starts = new ArrayList<>();
            double[][] seen = new double[rows][];
            m.forEachRowBlock((first, block) -> {
                starts.add(first);
                for (int r = 0; r < block.length; r++) {
                    seen[(int) first + r] = block[r];
                }
            });
            assertThat(starts).containsExactly(0L, 5L, 10L, 15L, 20L);
            assertThat(seen).isDeepEqualTo(expected);
        }
    }

    @Test
    void badRowsAndEmptyMatricesAreRejected() {
        try (Wren wren = Wren.builder().workers(1).build(); MatrixWriter w = wren.matrixWriter(3, 2)) {
            w.appendRow(new double[] {1, 2, 3});
            assertThatThrownBy(() -> w.appendRow(new double[] {1, 2})).hasMessageContaining("row 1 has 2 values").hasMessageContaining("3 columns");
            try (MatrixWriter empty = wren.matrixWriter(3, 2)) {
                assertThatThrownBy(empty::finish).hasMessageContaining("no rows");
            }
        }
    }
}
