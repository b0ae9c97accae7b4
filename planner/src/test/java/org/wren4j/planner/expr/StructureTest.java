package org.wren4j.planner.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StructureTest {
    @Test
    void everyStructureReadsBackFromItsLabel() {
        for (Structure s : Structure.values()) {
            assertThat(Structure.fromLabel(s.label())).isEqualTo(s);
        }
        // the labels are a stored format: manifests written by every build hold them
        assertThat(Arrays.stream(Structure.values()).map(Structure::label))
                .containsExactly("general", "lower-triangular", "upper-triangular", "symmetric", "psd", "spd");
    }

    @Test
    void anUnknownLabelListsTheKnownOnes() {
        assertThatThrownBy(() -> Structure.fromLabel("banded"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown matrix structure 'banded'")
                .hasMessageContaining("known: general, lower-triangular, upper-triangular, symmetric, psd, spd");
    }
}
