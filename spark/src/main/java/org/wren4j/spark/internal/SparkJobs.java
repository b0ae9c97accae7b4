package org.wren4j.spark.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.wren4j.api.WrenException;

/**
 * Runs a Spark job whose tasks write tiles and waits for it. When it fails, Spark reports the
 * failure while its other tasks may still be writing; this waits until they have stopped, so the
 * caller's clean-up (deleting what was written) is not undone by a late write.
 *
 * <p>The tasks are counted by a listener added before the job is submitted, not read from Spark's
 * status tracker: the tracker's live figures are refreshed only every {@code spark.ui.liveUpdate.period}
 * and can show no running task while one is still writing. The scheduler posts every task's start
 * before its job's end and posts a task's end even after its stage was cancelled, so "the job has
 * ended and every task that started has ended" means no task of the job runs.
 */
public final class SparkJobs {
    /** How long failed jobs' tasks get to stop before the clean-up goes ahead anyway. */
    static final Duration QUIESCE = Duration.ofSeconds(60);

    private SparkJobs() {
    }

    /**
     * Submits the job {@code submit} starts and returns its result.
     *
     * @throws WrenException the error a task threw, or one naming {@code what}, once no task of the job runs
     */
    public static <T> T run(JavaSparkContext jsc, Supplier<JavaFutureAction<T>> submit, String what) {
        Tasks tasks = new Tasks();
        jsc.sc().addSparkListener(tasks);
        try {
            JavaFutureAction<T> job = submit.get();
            try {
                return job.get();
            } catch (InterruptedException e) {
                job.cancel(true);
                tasks.awaitQuiet(job.jobIds());
                Thread.currentThread().interrupt();
                throw new WrenException("interrupted while " + what, e);
            } catch (ExecutionException e) {
                tasks.awaitQuiet(job.jobIds());
                throw SparkFailures.of(what, e.getCause() == null ? e : e.getCause());
            }
        } finally {
            jsc.sc().removeSparkListener(tasks);
        }
    }

    /** The running tasks of the jobs submitted while it listens, by job. */
    static final class Tasks extends SparkListener {
        private final Map<Integer, Integer> jobOfStage = new HashMap<>();
        private final Map<Integer, Integer> running = new HashMap<>();
        private final Set<Integer> ended = new HashSet<>();

        @Override
        public synchronized void onJobStart(SparkListenerJobStart start) {
            var stages = start.stageIds().iterator();
            while (stages.hasNext()) {
                jobOfStage.put((Integer) stages.next(), start.jobId());
            }
        }

        @Override
        public synchronized void onTaskStart(SparkListenerTaskStart start) {
            Integer job = jobOfStage.get(start.stageId());
            if (job != null) {
                running.merge(job, 1, Integer::sum);
            }
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
            Integer job = jobOfStage.get(end.stageId());
            if (job != null) {
                running.merge(job, -1, Integer::sum);
                notifyAll();
            }
        }

        @Override
        public synchronized void onJobEnd(SparkListenerJobEnd end) {
            ended.add(end.jobId());
            notifyAll();
        }

        /** Waits, at most {@link #QUIESCE}, until every one of {@code jobIds} has ended and none of their tasks runs. */
        synchronized void awaitQuiet(List<Integer> jobIds) {
            long deadline = System.nanoTime() + QUIESCE.toNanos();
            while (!quiet(jobIds)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private boolean quiet(List<Integer> jobIds) {
            for (int id : jobIds) {
                if (!ended.contains(id) || running.getOrDefault(id, 0) > 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
