package org.wren4j.exec.worker;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.wren4j.exec.queue.Lease;

/**
 * A stateless, single-core worker: leases up to {@code pipelineWidth} tasks so that reading the
 * next task's tiles and writing the last one's overlap with the kernel running on this thread.
 * Exits after {@code idleTimeout} without work, when asked to stop, or once its {@code maxRuntime}
 * is up (it stops leasing then and finishes the tasks it holds).
 */
public final class Worker implements Runnable {
    private static final System.Logger LOG = System.getLogger(Worker.class.getName());
    private static final long IDLE_WAIT_MILLIS = 1000;
    private final WorkerContext ctx;
    private final WorkerConfig config;
    private final TaskRunner runner;
    private final AtomicInteger finishing = new AtomicInteger();
    private final SplittableRandom random = new SplittableRandom();
    private volatile boolean stop;

    /** A leased task; {@code handedOver} once its outcome is tracked (acked, released or failed by a future). */
    private record InFlight(Lease lease, org.wren4j.exec.job.JobRegistry.Entry job, CompletableFuture<TaskRunner.Prepared> prepared,
                            AtomicBoolean handedOver) {
        InFlight(Lease lease, org.wren4j.exec.job.JobRegistry.Entry job, CompletableFuture<TaskRunner.Prepared> prepared) {
            this(lease, job, prepared, new AtomicBoolean());
        }

        void done() {
            if (job != null) {
                job.inflight().decrementAndGet();
            }
        }
    }

    public Worker(WorkerContext ctx, WorkerConfig config) {
        this.ctx = ctx;
        this.config = config;
        this.runner = new TaskRunner(ctx, config);
    }

    public void stop() {
        stop = true;
    }

    /**
     * Runs until idle, stopped or out of time. Nothing escapes as a silent thread death: an error
     * no handler caught is logged and counted ({@link ServiceHealth#workerFailures()}), the worker
     * ends, and its provisioner starts another.
     */
    @Override
    public void run() {
        try {
            loop();
        } catch (RuntimeException e) {
            ctx.health().workerFailed();
            LOG.log(System.Logger.Level.ERROR, "worker " + Thread.currentThread().getName() + " ended by an unexpected error; "
                    + "its tasks come back when their leases expire and another worker takes over", e);
        } catch (Error e) {
            ctx.health().workerFailed();
            LOG.log(System.Logger.Level.ERROR, "worker " + Thread.currentThread().getName() + " ended by a fatal error", e);
            throw e;
        }
    }

    private void loop() {
        ComputePriority.lowerCurrentThread();
        Deque<InFlight> pipeline = new ArrayDeque<>();
        long lastWork = System.nanoTime();
        long idleNanos = config.idleTimeout().toNanos();
        long stopLeasingAt = System.nanoTime() + config.maxRuntime().toNanos();
        // While it holds work, the next lease runs in the background: a remote queue's round trip
        // then overlaps the tasks in hand instead of stalling this thread before each one.
        CompletableFuture<List<Lease>> leasing = null;
        int leaseFailures = 0;
        while (!stop) {
            boolean nearLimit = System.nanoTime() > stopLeasingAt;
            if (leasing != null && (leasing.isDone() || pipeline.isEmpty())) {
                List<Lease> leased = take(leasing);
                leasing = null;
                if (leased == null) {
                    // the queue did not answer: retry with backoff for the retry window, then end
                    // cleanly (the tasks held finish first); the provisioner starts a worker again
                    // once the queue answers
                    long silent = ctx.health().silentNanos(ServiceHealth.Service.QUEUE);
                    if (silent > config.faults().retryWindow().toNanos() && pipeline.isEmpty()) {
                        LOG.log(System.Logger.Level.WARNING, "worker " + Thread.currentThread().getName() + " ends: "
                                + ctx.health().diagnosis().orElse("the task queue does not answer"));
                        break;
                    }
                    sleepQuietly(config.backoff(++leaseFailures, random).toMillis());
                    lastWork = System.nanoTime(); // an unanswered lease is not idleness
                    continue;
                }
                leaseFailures = 0;
                admit(pipeline, leased);
                if (pipeline.isEmpty() && System.nanoTime() - lastWork > idleNanos && finishing.get() == 0) {
                    break;
                }
            }
            if (nearLimit && pipeline.isEmpty()) {
                break;
            }
            int free = nearLimit ? 0 : config.pipelineWidth() - pipeline.size();
            // busy, it tops up only once half the pipeline is free: each lease of a remote queue is
            // a round trip, and one for several tasks costs what one for a single task does
            if (leasing == null && (pipeline.isEmpty() ? free > 0 : free >= Math.max(1, config.pipelineWidth() / 2))) {
                // idle: wait up to a second (a remote queue long-polls, answering as soon as a task
                // comes); busy: only what is there now
                var wait = pipeline.isEmpty() ? Duration.ofMillis(Math.min(IDLE_WAIT_MILLIS, config.idleTimeout().toMillis() + 1)) : Duration.ZERO;
                int want = free;
                leasing = ctx.health().watch(ServiceHealth.Service.QUEUE, () -> ctx.queue().lease(want, config.visibility(), wait));
            }
            if (pipeline.isEmpty()) {
                if (leasing == null && System.nanoTime() - lastWork > idleNanos && finishing.get() == 0) {
                    break;
                }
                continue; // the lease is admitted (or retried) at the top of the loop
            }
            InFlight next = pipeline.poll();
            try {
                process(next, pipeline);
            } catch (RuntimeException e) {
                abandon(next, e);
            }
            lastWork = System.nanoTime();
            // back-pressure: never let more writes pile up than the pipeline is wide
            while (finishing.get() >= config.pipelineWidth() && !stop) {
                sleepQuietly();
            }
        }
        if (leasing != null) {
            List<Lease> late = take(leasing);
            if (late != null) {
                late.forEach(l -> releaseQuietly(l, Duration.ZERO));
            }
        }
        // returning leases we hold but did not start lets other workers take them at once
        giveBack(pipeline);
        while (finishing.get() > 0) {
            sleepQuietly();
        }
    }

    /** The leases, or null when the queue did not answer (noted in the health record by the watch). */
    private static List<Lease> take(CompletableFuture<List<Lease>> leasing) {
        try {
            return leasing.join();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A failed release is harmless: the message comes back when its lease expires. */
    private void releaseQuietly(Lease lease, Duration delay) {
        ctx.health().watch(ServiceHealth.Service.QUEUE, () -> ctx.queue().release(lease, delay)).exceptionally(e -> null);
    }

    private void admit(Deque<InFlight> pipeline, List<Lease> leases) {
        for (Lease l : leases) {
            ctx.leases().track(l);
            org.wren4j.exec.job.JobRegistry.Entry job;
            try {
                job = ctx.jobs().find(l.message().jobId());
            } catch (RuntimeException e) {
                job = null; // prepare() asks again and retries the task if the spec store still fails
            }
            if (job != null) {
                job.inflight().incrementAndGet();
            }
            CompletableFuture<TaskRunner.Prepared> prepared;
            try {
                prepared = runner.prepare(l);
            } catch (RuntimeException e) {
                prepared = CompletableFuture.failedFuture(e); // handled, and retried, like a failed read
            }
            pipeline.add(new InFlight(l, job, prepared));
        }
    }

    /**
     * One message's task threw where no handler expected it: the worker thread goes on with the
     * next task, and the message comes back after a backoff (counted against its attempts).
     */
    private void abandon(InFlight task, RuntimeException error) {
        if (task.handedOver().getAndSet(true)) {
            LOG.log(System.Logger.Level.WARNING, "task " + task.lease().message().taskKey() + " of job " + task.lease().message().jobId()
                    + " failed after its outcome was handed over: " + error);
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "task " + task.lease().message().taskKey() + " of job " + task.lease().message().jobId()
                + " failed unexpectedly; it is released for another attempt: " + error);
        try {
            ctx.leases().untrack(task.lease());
            releaseQuietly(task.lease(), config.backoff(task.lease().deliveries(), random));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "releasing it failed too; it comes back when its lease expires: " + e);
        } finally {
            task.done();
        }
    }

    private void process(InFlight f, Deque<InFlight> pipeline) {
        TaskRunner.Prepared p;
        try {
            p = f.prepared().join();
        } catch (RuntimeException e) {
            // a failed read is retried, then fails the job: never drop the message silently
            track(f, runner.failed(f.lease(), f.job(), parseOrNull(f.lease().message().taskKey()), e));
            return;
        }
        if (p.inputs() == null) {
            track(f, runner.finish(p, null, 0, 0)
                    .handle((v, e) -> e == null ? CompletableFuture.<Void>completedFuture(null) : runner.failed(p.lease(), p.job(), p.node(), e))
                    .thenCompose(x -> x));
            return;
        }
        long start = System.nanoTime();
        org.wren4j.tiles.Tile[] out;
        try {
            out = runner.compute(p);
        } catch (RuntimeException e) {
            track(f, runner.failed(p.lease(), p.job(), p.node(), e));
            return;
        }
        long computeNanos = System.nanoTime() - start;
        // Only a worker holding no other lease runs ahead: leased tasks would wait behind the run
        // while another worker may be idle, and giving them back would count as a delivery
        // against their attempt limit. So it happens where it matters, where ready tasks are few.
        org.wren4j.planner.analysis.Node ahead = pipeline.isEmpty() ? RunAhead.candidate(ctx, config, p.job(), p.node()) : null;
        if (ahead != null) {
            RunAhead.cacheOutputs(ctx, p.job(), p.node(), out);
        }
        CompletableFuture<Void> finished = runner.finish(p, out, p.readNanos(), computeNanos, ahead);
        track(f, finished
                .handle((v, e) -> e == null ? CompletableFuture.<Void>completedFuture(null) : runner.failed(p.lease(), p.job(), p.node(), e))
                .thenCompose(x -> x));
        if (ahead != null) {
            runAhead(p.job(), ahead, finished);
        }
    }

    private void giveBack(Deque<InFlight> pipeline) {
        for (InFlight held; (held = pipeline.poll()) != null; ) {
            ctx.leases().untrack(held.lease());
            releaseQuietly(held.lease(), Duration.ZERO);
            held.done();
        }
    }

    /**
     * Runs {@code node} (and then its own candidate, up to {@link RunAhead#MAX_CHAIN}) on this
     * thread, ahead of the completion of {@code parent}'s task; see {@link RunAhead}.
     */
    private void runAhead(org.wren4j.exec.job.JobRegistry.Entry job, org.wren4j.planner.analysis.Node node, CompletableFuture<Void> parent) {
        for (int steps = 0; node != null && steps < RunAhead.MAX_CHAIN && !stop; steps++) {
            job.inflight().incrementAndGet();
            org.wren4j.tiles.Tile[] out;
            TaskRunner.Prepared c;
            long start;
            try {
                c = runner.prepareAhead(job, node).join();
                start = System.nanoTime();
                out = runner.compute(c);
            } catch (org.wren4j.exec.kernels.KernelFailure e) {
                runner.failJob(job, node, e).whenComplete((v, x) -> job.inflight().decrementAndGet());
                return;
            } catch (RuntimeException e) {
                job.inflight().decrementAndGet(); // the backup message runs it
                return;
            }
            long computeNanos = System.nanoTime() - start;
            org.wren4j.planner.analysis.Node next = RunAhead.candidate(ctx, config, job, node);
            if (next != null) {
                RunAhead.cacheOutputs(ctx, job, node, out);
            }
            CompletableFuture<Void> finished = runner.finishAhead(c, out, computeNanos, parent, next);
            finishing.incrementAndGet();
            finished.whenComplete((v, e) -> {
                finishing.decrementAndGet();
                job.inflight().decrementAndGet();
            });
            parent = finished;
            node = next;
        }
    }

    private static org.wren4j.planner.analysis.Node parseOrNull(String key) {
        try {
            return org.wren4j.planner.analysis.Node.parse(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void track(InFlight task, CompletableFuture<?> f) {
        task.handedOver().set(true);
        finishing.incrementAndGet();
        f.whenComplete((v, e) -> {
            finishing.decrementAndGet();
            task.done();
        });
    }

    private static void sleepQuietly() {
        sleepQuietly(1);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
