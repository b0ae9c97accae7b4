package org.wren4j.exec.job;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one job, updated by workers. Thread-safe. */
public final class JobMetrics {
    private final LongAdder executions = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder readNanos = new LongAdder();
    private final LongAdder computeNanos = new LongAdder();
    private final LongAdder writeNanos = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final AtomicLong peakWorkers = new AtomicLong();

    public void executed(long readNs, long computeNs, long writeNs, long read, long written) {
        executions.increment();
        readNanos.add(readNs);
        computeNanos.add(computeNs);
        writeNanos.add(writeNs);
        bytesRead.add(read);
        bytesWritten.add(written);
    }

    /** A delivery of a task that was already done: completed again without running the kernel. */
    public void skippedDone() {
        skipped.increment();
    }

    public void workers(long running) {
        peakWorkers.accumulateAndGet(running, Math::max);
    }

    public long executions() {
        return executions.sum();
    }

    public long skipped() {
        return skipped.sum();
    }

    public double readSeconds() {
        return readNanos.sum() / 1e9;
    }

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

    public long peakWorkers() {
        return peakWorkers.get();
    }
}
