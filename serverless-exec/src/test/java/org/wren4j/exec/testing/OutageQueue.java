package org.wren4j.exec.testing;

import static java.util.Objects.requireNonNull;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.wren4j.exec.queue.Lease;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.queue.TaskQueue;

/**
 * A task queue that stops answering while it is {@link #down()}, as a stopped ElasticMQ does:
 * every call then fails, half of them by throwing at once (as an SDK client may) and half with
 * a failed stage. {@link #up()} brings it back with its messages intact, as a restart would.
 */
public final class OutageQueue implements TaskQueue {
    private final TaskQueue delegate;
    private volatile boolean down;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicInteger acksUntilDown = new AtomicInteger(-1);
    private final CountDownLatch wentDown = new CountDownLatch(1);

    public OutageQueue(TaskQueue delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    public void down() {
        down = true;
        wentDown.countDown();
    }

    /** Goes down by itself once {@code acks} messages were acknowledged: mid-job, however fast the job runs. */
    public void downAfterAcks(int acks) {
        acksUntilDown.set(acks);
    }

    /** Counted down when the queue goes down. */
    public CountDownLatch wentDown() {
        return wentDown;
    }

    public void up() {
        down = false;
    }

    /** Calls refused while down. */
    public long refused() {
        return refused.get();
    }

    private <T> CompletionStage<T> call(Supplier<CompletionStage<T>> op) {
        if (!down) {
            return op.get();
        }
        RuntimeException error = new RuntimeException("Unable to execute HTTP request", new ConnectException("Connection refused"));
        if (refused.incrementAndGet() % 2 == 0) {
            throw error;
        }
        return CompletableFuture.failedFuture(error);
    }

    @Override
    public CompletionStage<Void> send(List<TaskMessage> messages) {
        return call(() -> delegate.send(messages));
    }

    @Override
    public CompletionStage<Void> sendDelayed(List<TaskMessage> messages, Duration delay) {
        return call(() -> delegate.sendDelayed(messages, delay));
    }

    @Override
    public CompletionStage<List<Lease>> lease(int max, Duration visibility, Duration wait) {
        return call(() -> delegate.lease(max, visibility, wait));
    }

    @Override
    public CompletionStage<Void> renew(Lease lease, Duration visibility) {
        return call(() -> delegate.renew(lease, visibility));
    }

    @Override
    public CompletionStage<Void> ack(Lease lease) {
        return call(() -> delegate.ack(lease).thenRun(() -> {
            if (acksUntilDown.decrementAndGet() == 0) {
                down();
            }
        }));
    }

    @Override
    public CompletionStage<Void> release(Lease lease, Duration delay) {
        return call(() -> delegate.release(lease, delay));
    }

    @Override
    public CompletionStage<Long> pending() {
        return call(delegate::pending);
    }

    @Override
    public OptionalLong outstanding() {
        return down ? OptionalLong.empty() : delegate.outstanding();
    }

    @Override
    public String toString() {
        return "outage queue over " + delegate.getClass().getSimpleName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
