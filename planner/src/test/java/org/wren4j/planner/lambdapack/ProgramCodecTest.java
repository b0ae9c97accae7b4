package org.wren4j.planner.lambdapack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.wren4j.planner.analysis.ProgramCases;

class ProgramCodecTest {

    @Test
    void everyLibraryProgramRoundTripsAndStaysSmall() {
        for (Program p : ProgramCases.all()) {
            byte[] bytes = ProgramCodec.encode(p);
            Program back = ProgramCodec.decode(bytes);
            assertThat(back).as(p.name()).isEqualTo(p);
            assertThat(ProgramPrinter.print(back)).isEqualTo(ProgramPrinter.print(p));
            assertThat(bytes.length).as("bytes of %s", p.name()).isLessThan(2048);
        }
    }

    @Test
    void corruptBytesAreRejected() {
        byte[] bytes = ProgramCodec.encode(ProgramCases.all().get(0));
        assertThatThrownBy(() -> ProgramCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProgramCodec.decode(new byte[] {1, 2, 3})).hasMessageContaining("not an encoded");
    }
}
