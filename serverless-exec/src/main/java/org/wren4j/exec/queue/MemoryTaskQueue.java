package org.wren4j.exec.queue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * An in-process {@link TaskQueue} with real lease semantics: visibility timeouts, redelivery
 * with a delivery count, delayed release, priorities. Thread-safe; one lock guards the state.
 * Time is read from one clock: the system's, or a virtual one of a {@link #driven} queue.
 */
public final class MemoryTaskQueue implements TaskQueue {
    private record Entry(TaskMessage message, long seq, int deliveries, long visibleAt) {
    }

    private record Inflight(Entry entry, long deadline) {
    }

    private record Waiter(CompletableFuture<List<Lease>> future, int max, long visibilityNanos) {
    }

    private final Object lock = new Object();
    private final PriorityQueue<Entry> ready = new PriorityQueue<>(
            Comparator.comparingLong((Entry e) -> e.message.priority()).thenComparingLong(e -> e.seq));
    private final PriorityQueue<Entry> delayed = new PriorityQueue<>(Comparator.comparingLong(Entry::visibleAt));
    private final Map<String, Inflight> inflight = new HashMap<>();
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    /** Runs lease expiry and long-poll timeouts; null in a {@link #driven} queue. */
    private final ScheduledExecutorService timer;
    private final LongSupplier clock;
    private long seq;
    private long receipts;
    private boolean closed;

    public MemoryTaskQueue() {
        this(System::nanoTime);
    }

    MemoryTaskQueue(LongSupplier clock) {
        this(clock, true);
    }

    private MemoryTaskQueue(LongSupplier clock, boolean timed) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock is null");
        if (!timed) {
            this.timer = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wren4j-queue-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::expire, 20, 20, TimeUnit.MILLISECONDS);
    }

    /**
     * A queue on a virtual clock ({@code nanos}) with no thread of its own, for a discrete-event
     * simulation: expired leases come back only when its driver calls {@link #expire}, and a
     * lease never waits (it answers at once with what is visible).
     */
    public static MemoryTaskQueue driven(LongSupplier nanos) {
        return new MemoryTaskQueue(nanos, false);
    }

    @Override
    public CompletionStage<Void> send(List<TaskMessage> messages) {
        List<Runnable> wakeups;
        synchronized (lock) {
            checkOpen();
            for (TaskMessage m : messages) {
                ready.add(new Entry(m, seq++, 0, 0));
            }
            wakeups = serveWaiters();
        }
        wakeups.forEach(Runnable::run);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> sendDelayed(List<TaskMessage> messages, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return send(messages);
        }
        synchronized (lock) {
            checkOpen();
            long at = clock.getAsLong() + delay.toNanos();
            for (TaskMessage m : messages) {
                delayed.add(new Entry(m, seq++, 0, at));
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<Lease>> lease(int max, Duration visibility, Duration wait) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        long vis = visibility.toNanos();
        synchronized (lock) {
            checkOpen();
            promoteDelayed();
            if (!ready.isEmpty() || wait.isZero() || timer == null) {
                return CompletableFuture.completedFuture(take(max, vis));
            }
            var waiter = new Waiter(new CompletableFuture<>(), max, vis);
            waiters.add(waiter);
            timer.schedule(() -> {
                synchronized (lock) {
                    waiters.remove(waiter);
                }
                waiter.future.complete(List.of());
            }, wait.toNanos(), TimeUnit.NANOSECONDS);
            return waiter.future;
        }
    }

    private List<Lease> take(int max, long visNanos) {
        var out = new ArrayList<Lease>();
        long now = clock.getAsLong();
        while (out.size() < max && !ready.isEmpty()) {
            Entry e = ready.poll();
            Entry delivered = new Entry(e.message, e.seq, e.deliveries + 1, 0);
            String receipt = "r" + (receipts++);
            inflight.put(receipt, new Inflight(delivered, now + visNanos));
            out.add(new Lease(e.message, receipt, delivered.deliveries));
        }
        return out;
    }

    /** Hands ready messages to waiting consumers; returns completions to run outside the lock. */
    private List<Runnable> serveWaiters() {
        var wakeups = new ArrayList<Runnable>();
        while (!waiters.isEmpty() && !ready.isEmpty()) {
            Waiter w = waiters.poll();
            if (w.future.isDone()) {
                continue;
            }
            List<Lease> leases = take(w.max, w.visibilityNanos);
            wakeups.add(() -> {
                if (!w.future.complete(leases)) {
                    // timed out meanwhile: give the messages back at once
                    leases.forEach(l -> release(l, Duration.ZERO));
                }
            });
        }
        return wakeups;
    }

    @Override
    public CompletionStage<Void> renew(Lease lease, Duration visibility) {
        synchronized (lock) {
            Inflight f = inflight.get(lease.receipt());
            if (f == null) {
                return CompletableFuture.failedFuture(new LeaseLostException("lease of task " + lease.message().taskKey() + " was lost"));
            }
            inflight.put(lease.receipt(), new Inflight(f.entry, clock.getAsLong() + visibility.toNanos()));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> ack(Lease lease) {
        synchronized (lock) {
            inflight.remove(lease.receipt());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> release(Lease lease, Duration delay) {
        List<Runnable> wakeups = List.of();
        synchronized (lock) {
            Inflight f = inflight.remove(lease.receipt());
            if (f != null) {
                Entry e = new Entry(f.entry.message, f.entry.seq, f.entry.deliveries, clock.getAsLong() + delay.toNanos());
                if (delay.isZero()) {
                    ready.add(e);
                    wakeups = serveWaiters();
                } else {
                    delayed.add(e);
                }
            }
        }
        wakeups.forEach(Runnable::run);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Long> pending() {
        synchronized (lock) {
            promoteDelayed();
            return CompletableFuture.completedFuture((long) ready.size());
        }
    }

    @Override
    public java.util.OptionalLong outstanding() {
        synchronized (lock) {
            return java.util.OptionalLong.of(ready.size() + delayed.size() + inflight.size());
        }
    }

    @Override
    public java.util.OptionalLong leased() {
        return java.util.OptionalLong.of(inflight());
    }

    /** Leased messages, for tests and metrics. */
    public int inflight() {
        synchronized (lock) {
            return inflight.size();
        }
    }

    private void promoteDelayed() {
        long now = clock.getAsLong();
        while (!delayed.isEmpty() && delayed.peek().visibleAt <= now) {
            ready.add(delayed.poll());
        }
    }

    /** Returns expired leases to the ready queue: their consumer died or stalled. */
    public void expire() {
        List<Runnable> wakeups;
        synchronized (lock) {
            if (closed) {
                return;
            }
            long now = clock.getAsLong();
            var it = inflight.values().iterator();
            while (it.hasNext()) {
                Inflight f = it.next();
                if (f.deadline <= now) {
                    it.remove();
                    ready.add(f.entry);
                }
            }
            promoteDelayed();
            wakeups = serveWaiters();
        }
        wakeups.forEach(Runnable::run);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("task queue is closed");
        }
    }

    @Override
    public void close() {
        List<Waiter> pendingWaiters;
        synchronized (lock) {
            closed = true;
            pendingWaiters = new ArrayList<>(waiters);
            waiters.clear();
        }
        pendingWaiters.forEach(w -> w.future.complete(List.of()));
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
