package org.wren4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskKilled;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.BlockMatrix;
import org.wren4j.devservices.DevServices;
import org.wren4j.interop.LoadOptions;
import org.wren4j.interop.LoadedTable;

/**
 * A job whose workers are Spark tasks, against real Redis, ElasticMQ and s3proxy on 127.0.0.1:
 * a DataFrame loaded into S3 by the executors, X^T X computed by workers running as tasks on the
 * local[2] executors, one worker's task attempt killed mid-job, and the result still right.
 */
class SparkWorkersIT {
    /** Worker task attempts running now, and how many attempts were killed. */
    private static final class Tasks extends SparkListener {
        final Set<Long> running = ConcurrentHashMap.newKeySet();
        final AtomicInteger killed = new AtomicInteger();
        final Set<Integer> workerStages = ConcurrentHashMap.newKeySet();
        final AtomicInteger workerStarts = new AtomicInteger();
        final Set<String> failures = ConcurrentHashMap.newKeySet();

        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
            if (submitted.stageInfo().name().contains("SparkWorkers")) { // the launcher's foreachAsync
                workerStages.add(submitted.stageInfo().stageId());
            }
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart start) {
            if (workerStages.contains(start.stageId())) {
                running.add(start.taskInfo().taskId());
                workerStarts.incrementAndGet();
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            running.remove(end.taskInfo().taskId());
            if (end.reason() instanceof TaskKilled) {
                killed.incrementAndGet();
            } else if (!end.taskInfo().successful()) {
                failures.add(end.reason().toString());
            }
        }
    }

    @Test
    void aJobsWorkersRunAsSparkTasksAndAKilledAttemptLosesNothing(@TempDir Path dir) throws InterruptedException {
        SparkSession spark = LocalSpark.get();
        SparkContext sc = spark.sparkContext();
        int rows = 1200;
        int cols = 96;
        var data = new ArrayList<Row>();
        var schema = new StructType();
        for (int c = 0; c < cols; c++) {
            schema = schema.add("x" + c, DataTypes.DoubleType, false);
        }
        SplittableRandom rnd = new SplittableRandom(12);
        double[][] x = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            Object[] v = new Object[cols];
            for (int c = 0; c < cols; c++) {
                x[r][c] = rnd.nextDouble() - 0.5;
                v[c] = x[r][c];
            }
            data.add(RowFactory.create(v));
        }
        Dataset<Row> df = spark.createDataFrame(JavaSparkContext.fromSparkContext(sc).parallelize(data, 3), schema);

        Tasks tasks = new Tasks();
        AtomicLong killAt = new AtomicLong(-1);
        try (DevServices dev = DevServices.start(dir.resolve("services"))) {
            sc.addSparkListener(tasks);
            AtomicInteger kills = new AtomicInteger();
            try (WrenSpark ws = WrenSpark.create(spark, SharedStore.services(dev.endpoints()), b -> b
                    .workerLauncher(new SparkWorkers(spark)).workers(2).leaseTimeout(Duration.ofSeconds(3)).idleTimeout(Duration.ofSeconds(2))
                    .progress((op, done, total, seconds) -> {
                        // once the job is under way, kill one worker's task attempt; Spark runs it again
                        if (done > 0 && done < total / 2 && kills.get() == 0 && !tasks.running.isEmpty()) {
                            long id = tasks.running.iterator().next();
                            if (sc.killTaskAttempt(id, true, "test: a worker lost mid-job")) {
                                kills.incrementAndGet();
                                killAt.set(done);
                            }
                        }
                    }))) {
                LoadedTable t = ws.load(df, LoadOptions.builder().blockSize(32).build());
                BlockMatrix xs = t.features();
                double[][] gram = xs.T().matmul(xs).toArray();
                for (int i = 0; i < cols; i++) {
                    for (int j = 0; j < cols; j++) {
                        double want = 0;
                        for (double[] row : x) {
                            want += row[i] * row[j];
                        }
                        assertThat(gram[i][j]).as("gram[%d][%d]", i, j).isCloseTo(want, offset(1e-10));
                    }
                }
            }
            // Spark reports task ends on its listener bus, asynchronously: wait for the killed one
            for (int i = 0; i < 100 && tasks.killed.get() == 0; i++) {
                Thread.sleep(100);
            }
        } finally {
            sc.removeSparkListener(tasks);
        }
        assertThat(killAt.get()).as("tasks done when a worker was killed").isPositive();
        // the workers' tasks, plus Spark's second attempt of the killed one
        assertThat(tasks.workerStarts.get()).as("worker task attempts").isGreaterThanOrEqualTo(3);
        assertThat(tasks.failures).as("task attempts that failed").isEmpty();
        assertThat(tasks.killed.get()).as("killed task attempts").isEqualTo(1);
    }

}
