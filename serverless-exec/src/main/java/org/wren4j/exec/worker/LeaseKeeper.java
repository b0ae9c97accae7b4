package org.wren4j.exec.worker;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.wren4j.exec.queue.Lease;
import org.wren4j.exec.queue.LeaseLostException;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.tiles.RetryPolicy;

/**
 * Renews the leases of running tasks every third of the visibility timeout, for as long as they
 * run. A renewal that fails for want of an answer is tried again next period (two more tries
 * before the lease runs out); one the queue refuses (the lease is lost) stops. Nothing thrown
 * here may end the timer: its periodic task would never run again.
 */
public final class LeaseKeeper implements AutoCloseable {
    private final TaskQueue queue;
    private final Duration visibility;
    private final ConcurrentHashMap<String, Lease> tracked = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final ServiceHealth health;

    public LeaseKeeper(TaskQueue queue, Duration visibility, ServiceHealth health) {
        this.queue = queue;
        this.visibility = visibility;
        this.health = health;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wren4j-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(30, visibility.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renewAll, period, period, TimeUnit.MILLISECONDS);
    }

    public void track(Lease lease) {
        tracked.put(lease.receipt(), lease);
    }

    public void untrack(Lease lease) {
        tracked.remove(lease.receipt());
    }

    private void renewAll() {
        for (Lease l : tracked.values()) {
            health.watch(ServiceHealth.Service.QUEUE, () -> queue.renew(l, visibility)).exceptionally(e -> {
                if (RetryPolicy.unwrap(e) instanceof LeaseLostException) {
                    tracked.remove(l.receipt());
                }
                return null;
            });
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
