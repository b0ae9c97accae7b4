package org.wren4j.exec.provision;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.wren4j.exec.events.Event;
import org.wren4j.exec.events.EventLog;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.spi.ProvisioningPolicy;
import org.wren4j.spi.WorkerLauncher;

/**
 * Periodically scales workers to the ready queue with a {@link ProvisioningPolicy} ({@link ScalingPolicy} by default): on its own timer,
 * or, {@link #driven}, at each {@link #step} a simulation's virtual clock calls.
 */
public final class Provisioner implements AutoCloseable {
    private final TaskQueue queue;
    private final WorkerLauncher launcher;
    private final ProvisioningPolicy policy;
    private final ScheduledExecutorService timer;
    private volatile LongConsumer observer = n -> { };
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long lastPending;
    private volatile Event.Scaled lastScaled;
    private volatile long lastPendingAt;

    public Provisioner(TaskQueue queue, WorkerLauncher launcher, ProvisioningPolicy policy) {
        this(queue, launcher, policy, true);
    }

    private Provisioner(TaskQueue queue, WorkerLauncher launcher, ProvisioningPolicy policy, boolean timed) {
        this.queue = java.util.Objects.requireNonNull(queue, "queue is null");
        this.launcher = java.util.Objects.requireNonNull(launcher, "launcher is null");
        this.policy = java.util.Objects.requireNonNull(policy, "policy is null");
        if (!timed) {
            this.timer = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wren4j-provisioner");
            t.setDaemon(true);
            return t;
        });
    }

    /** A provisioner with no timer: it scales only when its driver calls {@link #step}, once per period. */
    public static Provisioner driven(TaskQueue queue, WorkerLauncher launcher, ProvisioningPolicy policy) {
        return new Provisioner(queue, launcher, policy, false);
    }

    /** One scaling step, as the timer runs it every period. */
    public void step() {
        tick();
    }

    /** Called with the number of running workers after every scaling step. */
    public void observe(LongConsumer observer) {
        this.observer = observer;
    }

    /**
     * Scales now instead of at the next period (e.g. right after a job submitted its first tasks).
     * The first call starts the timer: a session that never submits or waits for a job (one that
     * only lists, cancels or collects jobs) never starts a worker, which would lease tasks of
     * other clients' jobs and hold them until their leases expire.
     */
    public void wake() {
        if (timer == null) {
            tick();
            return;
        }
        if (started.compareAndSet(false, true)) {
            timer.scheduleWithFixedDelay(this::tick, 0, policy.period().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        timer.execute(this::tick);
    }

    private void tick() {
        try {
            if (launcher.running() >= policy.maxWorkers()) {
                // nothing to add: a remote queue's count costs a request per band, 20 times a second
                observer.accept(launcher.running());
                return;
            }
            long pending = queue.pending().toCompletableFuture().join();
            lastPending = pending;
            lastPendingAt = System.nanoTime();
            int running = launcher.running();
            var demand = new ProvisioningPolicy.Demand(pending, queue.leased().orElse(0), running);
            int target = Math.min(policy.maxWorkers(), policy.target(demand));
            int missing = target - running;
            if (missing > 0) {
                launcher.launch(missing);
            }
            var scaled = new Event.Scaled(pending, demand.leased(), running, target, Math.max(0, missing));
            if (!scaled.equals(lastScaled)) {
                // a line per change, not per period (20 a second)
                lastScaled = scaled;
                EventLog.emit(scaled);
            }
            observer.accept(launcher.running());
        } catch (RuntimeException e) {
            // a failed look at the queue is retried next period
        }
    }

    /**
     * The tasks waiting in the queue at this provisioner's last look, if it looked within the
     * last two periods (it does not look while at its maximum of workers).
     */
    public java.util.OptionalLong lastPending() {
        long at = lastPendingAt;
        return at != 0 && System.nanoTime() - at < 2 * policy.period().toNanos() ? java.util.OptionalLong.of(lastPending)
                : java.util.OptionalLong.empty();
    }

    public WorkerLauncher launcher() {
        return launcher;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        launcher.close();
    }
}
