package org.wren4j.spark.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.wren4j.api.WrenException;

/**
 * Waits for a Spark job whose tasks write tiles. When it fails, Spark reports the failure while
 * its other tasks may still be writing; this waits until they have stopped, so the caller's
 * clean-up (deleting what was written) is not undone by a late write.
 */
public final class SparkJobs {
    /** How long failed jobs' tasks get to stop before the clean-up goes ahead anyway. */
    static final Duration QUIESCE = Duration.ofSeconds(60);

    private SparkJobs() {
    }

    /**
     * The job's result.
     *
     * @throws WrenException the error a task threw, or one naming {@code what}, once no task of the job runs
     */
    public static <T> T await(JavaSparkContext jsc, JavaFutureAction<T> job, String what) {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.cancel(true);
            quiesce(jsc, job.jobIds());
            throw new WrenException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            quiesce(jsc, job.jobIds());
            throw SparkFailures.of(what, e.getCause() == null ? e : e.getCause());
        }
    }

    private static void quiesce(JavaSparkContext jsc, List<Integer> jobIds) {
        long deadline = System.nanoTime() + QUIESCE.toNanos();
        while (System.nanoTime() < deadline && active(jsc, jobIds) > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int active(JavaSparkContext jsc, List<Integer> jobIds) {
        int n = 0;
        for (int id : jobIds) {
            SparkJobInfo job = jsc.statusTracker().getJobInfo(id);
            for (int stage : job == null ? new int[0] : job.stageIds()) {
                SparkStageInfo s = jsc.statusTracker().getStageInfo(stage);
                n += s == null ? 0 : s.numActiveTasks();
            }
        }
        return n;
    }
}
