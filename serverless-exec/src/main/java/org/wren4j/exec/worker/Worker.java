package org.wren4j.exec.worker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.wren4j.exec.queue.Lease;

/**
 * A stateless, single-core worker: leases up to {@code pipelineWidth} tasks so that reading the
 * next task's tiles and writing the last one's overlap with the kernel running on this thread.
 * Exits after {@code idleTimeout} without work, or when asked to stop.
 */
public final class Worker implements Runnable {
    private final WorkerContext ctx;
    private final WorkerConfig config;
    private final TaskRunner runner;
    private final AtomicInteger finishing = new AtomicInteger();
    private volatile boolean stop;

    private record InFlight(Lease lease, CompletableFuture<TaskRunner.Prepared> prepared) {
    }

    public Worker(WorkerContext ctx, WorkerConfig config) {
        this.ctx = ctx;
        this.config = config;
        this.runner = new TaskRunner(ctx, config);
    }

    public void stop() {
        stop = true;
    }

    @Override
    public void run() {
        Deque<InFlight> pipeline = new ArrayDeque<>();
        long lastWork = System.nanoTime();
        long idleNanos = config.idleTimeout().toNanos();
        while (!stop) {
            int free = config.pipelineWidth() - pipeline.size();
            if (free > 0) {
                var wait = pipeline.isEmpty() ? java.time.Duration.ofMillis(Math.min(100, config.idleTimeout().toMillis() + 1)) : java.time.Duration.ZERO;
                List<Lease> leases = ctx.queue().lease(free, config.visibility(), wait).toCompletableFuture().join();
                for (Lease l : leases) {
                    ctx.leases().track(l);
                    pipeline.add(new InFlight(l, runner.prepare(l)));
                }
            }
            if (pipeline.isEmpty()) {
                if (System.nanoTime() - lastWork > idleNanos && finishing.get() == 0) {
                    break;
                }
                continue;
            }
            process(pipeline.poll());
            lastWork = System.nanoTime();
            // back-pressure: never let more writes pile up than the pipeline is wide
            while (finishing.get() >= config.pipelineWidth() && !stop) {
                sleepQuietly();
            }
        }
        // returning leases we hold but did not start lets other workers take them at once
        for (InFlight f : pipeline) {
            ctx.leases().untrack(f.lease());
            ctx.queue().release(f.lease(), java.time.Duration.ZERO);
        }
        while (finishing.get() > 0) {
            sleepQuietly();
        }
    }

    private void process(InFlight f) {
        TaskRunner.Prepared p;
        try {
            p = f.prepared().join();
        } catch (RuntimeException e) {
            track(runner.failed(f.lease(), null, null, e));
            return;
        }
        if (p.inputs() == null) {
            track(runner.finish(p, null, 0, 0).exceptionally(e -> {
                runner.failed(p.lease(), p.job(), p.node(), e);
                return null;
            }));
            return;
        }
        long start = System.nanoTime();
        org.wren4j.tiles.Tile[] out;
        try {
            out = runner.compute(p);
        } catch (RuntimeException e) {
            track(runner.failed(p.lease(), p.job(), p.node(), e));
            return;
        }
        long computeNanos = System.nanoTime() - start;
        track(runner.finish(p, out, p.readNanos(), computeNanos).handle((v, e) -> {
            if (e != null) {
                runner.failed(p.lease(), p.job(), p.node(), e);
            }
            return null;
        }));
    }

    private void track(CompletableFuture<?> f) {
        finishing.incrementAndGet();
        f.whenComplete((v, e) -> finishing.decrementAndGet());
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
