package org.wren4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * slice() and retile() on the embedded runtime. Only tile-aligned slices run here: the
 * others need the runtime kernel {@code retile} (their plans are checked against naive loops
 * by the planner's RetileTest with the reference kernels).
 */
class SliceTest extends EmbeddedSessionTest {

    @Test
    void alignedSliceCopiesWholeTiles() {
        Random random = new Random(2);
        double[][] ad = new double[21][19];
        for (double[] row : ad) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble();
            }
        }
        BlockMatrix a = wren.fromArray(ad, 4);
        BlockMatrix s = a.slice(8, 21, 4, 18);
        assertThat(s.explain()).contains("window").doesNotContain("retile");
        double[][] got = s.toArray();
        assertThat(got.length).isEqualTo(13);
        for (int r = 0; r < 13; r++) {
            for (int c = 0; c < 14; c++) {
                assertThat(got[r][c]).isEqualTo(ad[8 + r][4 + c]);
            }
        }
        assertThat(s.plus(1).toArray()[12][13]).isEqualTo(ad[20][17] + 1);
    }

    @Test
    void unalignedSlicesAndRebalancePlanRetiling() {
        BlockMatrix a = wren.random(21, 19, 4, 1);
        assertThat(a.slice(3, 20, 0, 19).explain()).contains("retile_rows", "retile_cols");
        assertThat(a.retile(8).shape()).isEqualTo(a.shape());
        assertThat(a.retile(8).blockSize()).isEqualTo(8);
        assertThat(a.retile(4)).isSameAs(a);
        assertThatThrownBy(() -> a.slice(0, 22, 0, 1)).isInstanceOf(ShapeException.class).hasMessageContaining("21x19");
    }
}
