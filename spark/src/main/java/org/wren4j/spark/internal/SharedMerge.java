package org.wren4j.spark.internal;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.wren4j.api.SharedMatrix;
import org.wren4j.api.Wren;
import org.wren4j.spark.SharedStore;

/** The second stage of a partitioned write: one small task per tile row two partitions share joins its pieces. */
public final class SharedMerge {
    private SharedMerge() {
    }

    /** Merges the shared tile rows of {@code matrix} and of {@code alsoSameRanges} (null or a matrix over the same ranges). */
    public static void run(JavaSparkContext jsc, SharedStore store, SharedMatrix matrix, SharedMatrix alsoSameRanges) {
        List<Long> shared = matrix.sharedTileRows();
        if (shared.isEmpty()) {
            return;
        }
        SparkJobs.run(jsc, () -> jsc.parallelize(shared, Math.min(shared.size(), Math.max(1, jsc.defaultParallelism()))).foreachAsync(t -> {
            Wren session = ExecutorSessions.get(store);
            matrix.mergeTileRow(session, t);
            if (alsoSameRanges != null) {
                alsoSameRanges.mergeTileRow(session, t);
            }
        }), "joining the tile rows the partitions share");
    }
}
