package org.wren4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import io.netty.util.Version;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.BlockMatrix;
import org.wren4j.api.RangeWriter;
import org.wren4j.api.SharedMatrix;
import org.wren4j.api.Wren;
import org.wren4j.spark.internal.ExecutorSessions;

/**
 * Class-path peace: wren4j (Netty 4.2, Arrow 19, Jackson 2.21 through the BOM) runs inside Spark
 * 3.5's executor tasks, which write Arrow tiles to the store the driver then reads.
 */
class ExecutorTilesTest {
    @Test
    void tasksOnTheExecutorsWriteTilesTheDriverReads(@TempDir Path dir) {
        SharedStore store = SharedStore.directory(dir);
        try (Wren driver = store.configure(Wren.builder()).workers(1).build()) {
            // 3 ranges of 5 rows in tiles of 4: tile rows 1 and 2 are shared and merged by a second stage
            SharedMatrix m = driver.sharedMatrix(3, 4, new long[] {5, 5, 5});
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(LocalSpark.get().sparkContext());
            List<String> threads = jsc.parallelize(List.of(0, 1, 2), 3).map(r -> {
                try (RangeWriter w = m.writer(ExecutorSessions.get(store), r)) {
                    for (long i = m.firstRow(r); i < m.firstRow(r) + m.rangeRows(r); i++) {
                        w.appendRow(new double[] {i, i * 10 + 0.5, -i});
                    }
                    w.finish();
                }
                return Thread.currentThread().getName();
            }).collect();
            assertThat(threads).allMatch(t -> t.startsWith("Executor task launch worker"));
            jsc.parallelize(m.sharedTileRows(), 2).foreach(t -> m.mergeTileRow(ExecutorSessions.get(store), t));
            BlockMatrix x = m.finish(driver, List.of("i", "ten_i", "minus_i"));
            double[][] got = x.toArray();
            assertThat(got).hasNumberOfRows(15);
            for (int i = 0; i < 15; i++) {
                assertThat(got[i]).containsExactly(i, i * 10 + 0.5, -i);
            }
        }
    }

    @Test
    void oneNettyOneArrowOnTheClassPath() {
        assertThat(Version.identify().values().stream().map(Version::artifactVersion).distinct()).containsExactly("4.2.13.Final");
        assertThat(VectorSchemaRoot.class.getPackage().getImplementationVersion()).startsWith("19.");
    }
}
