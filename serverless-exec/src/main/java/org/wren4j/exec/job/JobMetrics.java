package org.wren4j.exec.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one job. Workers in any process add each execution's counters to the runtime
 * state ({@link #execution}) before completing the task, so a job's counters are whole when it
 * succeeds; the client loads them with {@link #addCounters} and samples the workers alive
 * itself ({@link #workers}). Thread-safe.
 */
public final class JobMetrics {
    /** Names of the counters kept in the runtime state. */
    public static final String EXECUTIONS = "executions";
    public static final String REPEATED = "repeated_executions";
    public static final String SKIPPED = "skipped_done";
    /** Executions a worker ran ahead of their parent's completion (see the worker's RunAhead). */
    public static final String RUN_AHEAD = "run_ahead";
    /** Task messages refused before running: they named no task of the job's program (forged or corrupted). */
    public static final String REFUSED_MESSAGES = "refused_messages";
    public static final String READ_NANOS = "read_ns";
    public static final String COMPUTE_NANOS = "compute_ns";
    public static final String WRITE_NANOS = "write_ns";
    public static final String BYTES_READ = "bytes_read";
    public static final String BYTES_WRITTEN = "bytes_written";
    /**
     * Garbage collection of temporaries, counted by the runtime state when tasks complete (first
     * completions only): bytes of temporary tiles written, live now (written, not yet
     * collected), the peak of live, and tiles and bytes collected early (before the job-end sweep).
     */
    public static final String TEMP_BYTES_WRITTEN = "temp_bytes_written";
    public static final String TEMP_LIVE_BYTES = "temp_live_bytes";
    public static final String TEMP_PEAK_LIVE_BYTES = "temp_peak_live_bytes";
    public static final String TEMP_TILES_COLLECTED = "temp_tiles_collected";
    public static final String TEMP_BYTES_COLLECTED = "temp_bytes_collected";

    /** Workers alive at {@code seconds} after the job started. */
    public record WorkerSample(double seconds, int workers) {
    }

    /** Tasks waiting in the queue (visible, not leased) at {@code seconds} after the job started. */
    public record QueueSample(double seconds, long queued) {
    }

    private final LongAdder executions = new LongAdder();
    private final LongAdder repeated = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder runAhead = new LongAdder();
    private final LongAdder refusedMessages = new LongAdder();
    private final LongAdder readNanos = new LongAdder();
    private final LongAdder computeNanos = new LongAdder();
    private final LongAdder writeNanos = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder tempBytesWritten = new LongAdder();
    private final AtomicLong tempPeakLiveBytes = new AtomicLong();
    private final LongAdder tempTilesCollected = new LongAdder();
    private final LongAdder tempBytesCollected = new LongAdder();
    private final AtomicLong peakWorkers = new AtomicLong();
    private final List<WorkerSample> timeline = new ArrayList<>();
    private volatile List<TaskSpan> spans = List.of();
    private final List<QueueSample> queueTimeline = new ArrayList<>();
    private volatile long startMicros;

    /**
     * The counters of one kernel execution; {@code repeated} when the task had been delivered
     * before (a worker died or stalled holding it, or a delivery was duplicated).
     */
    public static Map<String, Long> execution(long readNs, long computeNs, long writeNs, long read, long written, boolean repeated) {
        return Map.of(EXECUTIONS, 1L, REPEATED, repeated ? 1L : 0L, READ_NANOS, readNs, COMPUTE_NANOS, computeNs,
                WRITE_NANOS, writeNs, BYTES_READ, read, BYTES_WRITTEN, written);
    }

    /** The counters of a delivery of a task that was already done: completed again without running the kernel. */
    public static Map<String, Long> skippedDone() {
        return Map.of(SKIPPED, 1L);
    }

    /** The counters of one task message refused by validation. */
    public static Map<String, Long> refusedMessage() {
        return Map.of(REFUSED_MESSAGES, 1L);
    }

    /** Adds counters as stored in the runtime state. */
    public void addCounters(Map<String, Long> counters) {
        executions.add(counters.getOrDefault(EXECUTIONS, 0L));
        repeated.add(counters.getOrDefault(REPEATED, 0L));
        skipped.add(counters.getOrDefault(SKIPPED, 0L));
        runAhead.add(counters.getOrDefault(RUN_AHEAD, 0L));
        refusedMessages.add(counters.getOrDefault(REFUSED_MESSAGES, 0L));
        readNanos.add(counters.getOrDefault(READ_NANOS, 0L));
        computeNanos.add(counters.getOrDefault(COMPUTE_NANOS, 0L));
        writeNanos.add(counters.getOrDefault(WRITE_NANOS, 0L));
        bytesRead.add(counters.getOrDefault(BYTES_READ, 0L));
        bytesWritten.add(counters.getOrDefault(BYTES_WRITTEN, 0L));
        tempBytesWritten.add(counters.getOrDefault(TEMP_BYTES_WRITTEN, 0L));
        tempPeakLiveBytes.accumulateAndGet(counters.getOrDefault(TEMP_PEAK_LIVE_BYTES, 0L), Math::max);
        tempTilesCollected.add(counters.getOrDefault(TEMP_TILES_COLLECTED, 0L));
        tempBytesCollected.add(counters.getOrDefault(TEMP_BYTES_COLLECTED, 0L));
    }

    /** The counters by their names in the runtime state (zeros left out): what {@link #addCounters} adds back. */
    public Map<String, Long> counters() {
        var out = new java.util.TreeMap<String, Long>();
        java.util.function.BiConsumer<String, Long> put = (k, v) -> {
            if (v != 0) {
                out.put(k, v);
            }
        };
        put.accept(EXECUTIONS, executions.sum());
        put.accept(REPEATED, repeated.sum());
        put.accept(SKIPPED, skipped.sum());
        put.accept(RUN_AHEAD, runAhead.sum());
        put.accept(REFUSED_MESSAGES, refusedMessages.sum());
        put.accept(READ_NANOS, readNanos.sum());
        put.accept(COMPUTE_NANOS, computeNanos.sum());
        put.accept(WRITE_NANOS, writeNanos.sum());
        put.accept(BYTES_READ, bytesRead.sum());
        put.accept(BYTES_WRITTEN, bytesWritten.sum());
        put.accept(TEMP_BYTES_WRITTEN, tempBytesWritten.sum());
        put.accept(TEMP_PEAK_LIVE_BYTES, tempPeakLiveBytes.get());
        put.accept(TEMP_TILES_COLLECTED, tempTilesCollected.sum());
        put.accept(TEMP_BYTES_COLLECTED, tempBytesCollected.sum());
        return out;
    }

    /** Records the workers alive {@code seconds} into the job (kept when the count changes). */
    public void workers(double seconds, int running) {
        peakWorkers.accumulateAndGet(running, Math::max);
        synchronized (timeline) {
            if (timeline.isEmpty() || timeline.get(timeline.size() - 1).workers() != running) {
                timeline.add(new WorkerSample(seconds, running));
            }
        }
    }

    public void workers(long running) {
        peakWorkers.accumulateAndGet(running, Math::max);
    }

    public long executions() {
        return executions.sum();
    }

    /** Executions of tasks that had been delivered before. */
    public long repeatedExecutions() {
        return repeated.sum();
    }

    public long skipped() {
        return skipped.sum();
    }

    /** Executions run ahead of their parent's completion, from its outputs in the worker's hands. */
    public long runAhead() {
        return runAhead.sum();
    }

    /** Task messages refused before running because they named no task of the job (see {@link #REFUSED_MESSAGES}). */
    public long refusedMessages() {
        return refusedMessages.sum();
    }

    public double readSeconds() {
        return readNanos.sum() / 1e9;
    }

    /** Seconds the workers' cores spent in kernels: the busy core-seconds. */
    public double computeSeconds() {
        return computeNanos.sum() / 1e9;
    }

    public double writeSeconds() {
        return writeNanos.sum() / 1e9;
    }

    public long bytesRead() {
        return bytesRead.sum();
    }

    public long bytesWritten() {
        return bytesWritten.sum();
    }

    /** Bytes of temporary tiles written (each tile once, however often its task ran). */
    public long temporaryBytesWritten() {
        return tempBytesWritten.sum();
    }

    /**
     * The most bytes of temporary tiles alive at once: written by completed tasks and not yet
     * collected, as the runtime state saw completions (a tile is written just before its writer
     * completes and deleted just after its last reader completes).
     */
    public long peakLiveTemporaryBytes() {
        return tempPeakLiveBytes.get();
    }

    /** Temporary tiles deleted as soon as their last reader completed. */
    public long temporaryTilesCollected() {
        return tempTilesCollected.sum();
    }

    public long temporaryBytesCollected() {
        return tempBytesCollected.sum();
    }

    public long peakWorkers() {
        return peakWorkers.get();
    }

    /** Sets when the job started (its samples' time zero), in microseconds of the wall clock. */
    public void start(long micros) {
        startMicros = micros;
    }

    /** When the job started, in microseconds of the wall clock; 0 if not known. */
    public long startMicros() {
        return startMicros;
    }

    /** Records the tasks waiting in the queue {@code seconds} into the job (kept when the count changes). */
    public void queued(double seconds, long queued) {
        synchronized (queueTimeline) {
            if (queueTimeline.isEmpty() || queueTimeline.get(queueTimeline.size() - 1).queued() != queued) {
                queueTimeline.add(new QueueSample(seconds, queued));
            }
        }
    }

    /** Tasks waiting in the queue over time, where the queue could say cheaply: one sample each time the count changed. */
    public List<QueueSample> queueTimeline() {
        synchronized (queueTimeline) {
            return List.copyOf(queueTimeline);
        }
    }

    /** Sets the job's task timeline, as loaded from the runtime state. */
    public void spans(List<TaskSpan> loaded) {
        spans = List.copyOf(loaded);
    }

    /** When each execution read, computed and wrote (the first {@code RuntimeState.MAX_SPANS_PER_JOB}); in no order. */
    public List<TaskSpan> spans() {
        return spans;
    }

    /** Workers alive over time: one sample each time the count changed. */
    public List<WorkerSample> workerTimeline() {
        synchronized (timeline) {
            return List.copyOf(timeline);
        }
    }
}
