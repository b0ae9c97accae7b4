package org.wren4j.exec.queue;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;

/**
 * Fault injection: sends each message a second time with probability {@code rate}, as an
 * at-least-once queue may deliver it. Everything else goes straight to the wrapped queue.
 */
public final class DuplicatingTaskQueue implements TaskQueue {
    private final TaskQueue delegate;
    private final double rate;
    private final SplittableRandom random;

    public DuplicatingTaskQueue(TaskQueue delegate, double rate, long seed) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be in [0, 1], got " + rate);
        }
        this.rate = rate;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public CompletionStage<Void> send(List<TaskMessage> messages) {
        var out = new ArrayList<TaskMessage>(messages);
        synchronized (random) {
            for (TaskMessage m : messages) {
                if (random.nextDouble() < rate) {
                    out.add(m);
                }
            }
        }
        return delegate.send(out);
    }

    @Override
    public CompletionStage<Void> sendDelayed(List<TaskMessage> messages, Duration delay) {
        return delegate.sendDelayed(messages, delay);
    }

    @Override
    public CompletionStage<List<Lease>> lease(int max, Duration visibility, Duration wait) {
        return delegate.lease(max, visibility, wait);
    }

    @Override
    public CompletionStage<Void> renew(Lease lease, Duration visibility) {
        return delegate.renew(lease, visibility);
    }

    @Override
    public CompletionStage<Void> ack(Lease lease) {
        return delegate.ack(lease);
    }

    @Override
    public CompletionStage<Void> release(Lease lease, Duration delay) {
        return delegate.release(lease, delay);
    }

    @Override
    public CompletionStage<Long> pending() {
        return delegate.pending();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
