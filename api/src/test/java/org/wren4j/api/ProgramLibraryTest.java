package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProgramLibraryTest {
    /** Tasks of a tiled Cholesky on a grid of g tiles per side: g POTRF, g(g-1)/2 TRSM, (g-1)g(g+1)/6 updates. */
    private static long choleskyTasks(long g) {
        return g + g * (g - 1) / 2 + (g - 1) * g * (g + 1) / 6;
    }

    @Test
    void choleskyCountsMatchTheClosedFormOnRaggedGrids() {
        long[][] sizes = {{1000, 300}, {7, 7}, {5, 64}, {1, 1}, {1048576, 4096}};
        for (long[] s : sizes) {
            ProgramInfo info = ProgramLibrary.analyze("cholesky", s[0], s[1]);
            long g = (s[0] + s[1] - 1) / s[1];
            assertThat(info.grid()).as("grid of n=%d block=%d", s[0], s[1]).isEqualTo(g);
            assertThat(info.tasks()).as("tasks of n=%d block=%d", s[0], s[1]).isEqualTo(choleskyTasks(g));
            assertThat(info.startingTasks()).isEqualTo(1);
            assertThat(info.sampledTasks()).isBetween(1, 2000);
            assertThat(info.program()).isEqualTo("cholesky");
            assertThat(info.programBytes()).isPositive();
        }
        // the program a worker downloads has the same size at every n
        assertThat(ProgramLibrary.analyze("cholesky", 10, 1).programBytes()).isEqualTo(ProgramLibrary.analyze("cholesky", 1 << 20, 4096).programBytes());
    }

    @Test
    void listsTheLibraryAndPrintsEachProgram() {
        assertThat(ProgramLibrary.names()).contains("cholesky", "gemm").doesNotHaveDuplicates();
        for (String name : ProgramLibrary.names()) {
            assertThat(ProgramLibrary.text(name)).as(name).isNotBlank();
        }
    }

    @Test
    void refusesUnknownProgramsAndSizesBelowOne() {
        assertThatThrownBy(() -> ProgramLibrary.analyze("nope", 8, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown program 'nope' (choose from [cholesky");
        assertThatThrownBy(() -> ProgramLibrary.text("nope")).hasMessageStartingWith("unknown program 'nope'");
        assertThatThrownBy(() -> ProgramLibrary.analyze("cholesky", 0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("analyze cholesky: n and block must be >= 1, got n=0, block=2");
    }
}
