package org.wren4j.notebooks;

import java.util.List;
import java.util.function.Function;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.JobReport;

/**
 * Lets the rapaio Java kernel show wren4j's objects richly: a cell ending in a
 * {@link BlockMatrix} shows its card ({@link BlockMatrix#toHtml()}), one ending in a
 * {@link JobReport} its report ({@link JobReport#toHtml()}); each with its text form beside, for
 * front ends without HTML. The kernel finds this provider through the clean jar's service file
 * when the jar is loaded with {@code %jar}.
 */
public final class RapaioDisplay implements DisplayProvider {
    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return List.of(new Renderer<>(BlockMatrix.class, BlockMatrix::toHtml), new Renderer<>(JobReport.class, JobReport::toHtml));
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    /** HTML plus plain text for objects of one type. */
    static final class Renderer<T> implements DisplayRenderer {
        private final Class<T> type;
        private final Function<T, String> html;

        Renderer(Class<T> type, Function<T, String> html) {
            this.type = type;
            this.html = html;
        }

        @Override
        public Class<?> rendererClass() {
            return type;
        }

        @Override
        public boolean canRender(String mimeType) {
            // null: the kernel's default for a cell's value
            return mimeType == null || mimeType.isEmpty() || mimeType.contains("html") || mimeType.contains("text");
        }

        @Override
        public DisplayData render(String mimeType, Object o) {
            T value = type.cast(o);
            DisplayData data = DisplayData.fromHtml(html.apply(value));
            data.putText(value.toString());
            return data;
        }
    }
}
