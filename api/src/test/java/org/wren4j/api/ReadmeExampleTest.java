package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's Java example, as written there (smaller sizes), so it cannot rot. */
class ReadmeExampleTest {
    @Test
    void readmeExampleRuns() {
        try (Wren wren = Wren.builder().workers(2).build()) {
            BlockMatrix a = wren.randomSpd(256, 64, 42);
            BlockMatrix x = wren.random(256, 32, 64, 7);
            BlockMatrix y = a.solve(x);
            assertThat(y.explain()).contains("cholesky").contains("one program (3 steps fused");
            double[][] values = y.toArray();
            assertThat(values).hasNumberOfRows(256);
            double trace = wren.random(1024, 16, 64, 3).gram().plus(wren.eye(16, 64)).trace().scalar();
            double[][] g = wren.random(1024, 16, 64, 3).gram().toArray();
            double expected = 16;
            for (int i = 0; i < 16; i++) {
                expected += g[i][i];
            }
            assertThat(trace).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(wren.lastJob()).isPresent();
        }
    }
}
