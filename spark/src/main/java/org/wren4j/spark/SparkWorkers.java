package org.wren4j.spark;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.DoubleAccumulator;
import org.wren4j.api.Workers;
import org.wren4j.spi.WorkerLauncher;

/**
 * Spark executors as wren4j workers, for a session on services
 * ({@code Wren.builder().services(endpoints).workerLauncher(new SparkWorkers(spark))}): each
 * {@link WorkerLauncher#launch launch(n)} starts a Spark job of {@code n} tasks, each running one
 * worker ({@link Workers#run}) until it has been idle for its idle timeout, so any Spark cluster
 * that reaches the services serves as the worker pool. A task that dies or is killed
 * ({@code killTaskAttempt}) loses nothing: its leases expire and other workers (or Spark's retry
 * of the task) redo its tasks. Each worker holds one task slot (one core) while it runs.
 */
public final class SparkWorkers implements WorkerLauncher.Factory {
    private final SparkSession spark;

    public SparkWorkers(SparkSession spark) {
        this.spark = requireNonNull(spark, "spark is null");
    }

    @Override
    public WorkerLauncher create(List<String> workerArguments) {
        return new Launcher(JavaSparkContext.fromSparkContext(spark.sparkContext()), new ArrayList<>(workerArguments));
    }

    /** A job of {@code count} worker tasks. */
    private record Launched(int count, JavaFutureAction<Void> future) {
    }

    private static final class Launcher implements WorkerLauncher {
        private final JavaSparkContext jsc;
        private final ArrayList<String> args;
        private final DoubleAccumulator seconds;
        private final List<Launched> jobs = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        Launcher(JavaSparkContext jsc, ArrayList<String> args) {
            this.jsc = jsc;
            this.args = args;
            this.seconds = jsc.sc().doubleAccumulator("wren4j worker seconds");
        }

        @Override
        public void launch(int count) {
            if (closed || count < 1) {
                return;
            }
            var slots = new ArrayList<Integer>();
            for (int i = 0; i < count; i++) {
                slots.add(i);
            }
            ArrayList<String> workerArgs = args;
            DoubleAccumulator acc = seconds;
            jsc.setJobDescription("wren4j workers (" + count + ")");
            try {
                jobs.add(new Launched(count, jsc.parallelize(slots, count).foreachAsync(i -> {
                    long start = System.nanoTime();
                    try {
                        Workers.run(workerArgs);
                    } finally {
                        acc.add((System.nanoTime() - start) / 1e9);
                    }
                })));
            } finally {
                jsc.setJobDescription(null);
            }
        }

        /** Tasks of unfinished worker jobs that have not succeeded: running, or waiting for a slot or a retry. */
        @Override
        public int running() {
            int n = 0;
            for (Launched job : jobs) {
                if (job.future.isDone()) {
                    jobs.remove(job);
                    continue;
                }
                int succeeded = 0;
                for (int id : job.future.jobIds()) {
                    SparkJobInfo info = jsc.statusTracker().getJobInfo(id);
                    for (int stage : info == null ? new int[0] : info.stageIds()) {
                        SparkStageInfo s = jsc.statusTracker().getStageInfo(stage);
                        succeeded += s == null ? 0 : s.numCompletedTasks();
                    }
                }
                n += Math.max(0, job.count - succeeded); // a job Spark has not registered yet counts whole
            }
            return n;
        }

        /** Seconds of the workers that have finished (a worker's time counts when its task ends). */
        @Override
        public double workerSeconds() {
            return seconds.sum();
        }

        /** Stops launching; running workers end when idle. */
        @Override
        public void close() {
            closed = true;
        }
    }
}
