package org.wren4j.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.JobReport;
import org.wren4j.api.Wren;

class RapaioDisplayTest {
    @Test
    void theKernelFindsTheProviderAndItRendersMatricesAndReportsAsHtmlAndText() {
        List<DisplayProvider> found = ServiceLoader.load(DisplayProvider.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(found).hasAtLeastOneElementOfType(RapaioDisplay.class);
        List<DisplayRenderer> renderers = new RapaioDisplay().getDisplayRenderers();
        try (Wren wren = Wren.builder().workers(1).build()) {
            BlockMatrix m = wren.fromArray(new double[][] {{1.5, 2}, {3, 4}}, 8);
            DisplayRenderer forMatrix = renderers.stream().filter(r -> r.rendererClass().isInstance(m)).findFirst().orElseThrow();
            assertThat(forMatrix.canRender(null)).isTrue();
            assertThat(forMatrix.canRender("text/html")).isTrue();
            assertThat(forMatrix.canRender("image/png")).isFalse();
            DisplayData d = forMatrix.render(null, m);
            assertThat(d.data().get("text/html")).asString().startsWith("<div class=\"wren4j-matrix\"").contains("1.5000");
            assertThat(d.data().get("text/plain")).isEqualTo(m.toString());

            m.plus(1).compute();
            JobReport r = wren.lastJob().orElseThrow();
            DisplayRenderer forReport = renderers.stream().filter(x -> x.rendererClass().isInstance(r)).findFirst().orElseThrow();
            DisplayData rd = forReport.render("text/html", r);
            assertThat(rd.data().get("text/html")).asString().startsWith("<div class=\"wren4j-job\"");
            assertThat(rd.data().get("text/plain")).isEqualTo(r.toString());
        }
    }
}
