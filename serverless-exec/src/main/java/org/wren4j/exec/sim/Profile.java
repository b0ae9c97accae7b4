package org.wren4j.exec.sim;

import java.util.Arrays;

/**
 * The parallelism of a simulated job over time, one sample per step: tasks ready on the queue,
 * workers alive (launched, not exited) and workers busy running a task. At most
 * {@link #MAX_SAMPLES} samples are kept: when full, every other one is dropped and the step
 * doubles, so memory stays bounded however long the job.
 */
public final class Profile {
    public static final int MAX_SAMPLES = 1 << 14;
    private long stepNanos;
    private long nextAt;
    private int size;
    private long[] at = new long[64];
    private long[] ready = new long[64];
    private int[] running = new int[64];
    private int[] busy = new int[64];

    Profile(long stepNanos) {
        if (stepNanos < 1) {
            throw new IllegalArgumentException("profile step must be > 0 ns, got " + stepNanos);
        }
        this.stepNanos = stepNanos;
    }

    /** Records a sample if a step has passed since the last one. */
    void sample(long nanos, long readyTasks, int runningWorkers, int busyWorkers) {
        if (nanos < nextAt) {
            return;
        }
        if (size == MAX_SAMPLES) {
            for (int i = 0; i < size / 2; i++) {
                at[i] = at[2 * i];
                ready[i] = ready[2 * i];
                running[i] = running[2 * i];
                busy[i] = busy[2 * i];
            }
            size /= 2;
            stepNanos *= 2;
        }
        if (size == at.length) {
            int n = Math.min(MAX_SAMPLES, size * 2);
            at = Arrays.copyOf(at, n);
            ready = Arrays.copyOf(ready, n);
            running = Arrays.copyOf(running, n);
            busy = Arrays.copyOf(busy, n);
        }
        at[size] = nanos;
        ready[size] = readyTasks;
        running[size] = runningWorkers;
        busy[size] = busyWorkers;
        size++;
        nextAt = nanos + stepNanos;
    }

    public int size() {
        return size;
    }

    public double seconds(int i) {
        return at[check(i)] / 1e9;
    }

    public long ready(int i) {
        return ready[check(i)];
    }

    public int running(int i) {
        return running[check(i)];
    }

    public int busy(int i) {
        return busy[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + size);
        }
        return i;
    }
}
