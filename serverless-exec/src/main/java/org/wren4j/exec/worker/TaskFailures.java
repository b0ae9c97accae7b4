package org.wren4j.exec.worker;

import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.wren4j.exec.events.Event;
import org.wren4j.exec.events.EventLog;
import org.wren4j.exec.job.JobFailure;
import org.wren4j.exec.job.JobRegistry;
import org.wren4j.exec.kernels.KernelFailure;
import org.wren4j.exec.queue.Lease;
import org.wren4j.planner.analysis.Node;
import org.wren4j.tiles.CorruptTileException;
import org.wren4j.tiles.MissingTileException;
import org.wren4j.tiles.RetryPolicy;

/**
 * What becomes of a task that failed. The input's fault (a kernel refused it) and a tile that
 * is broken for good (a checksum mismatch, a tile that should exist and does not) fail the job
 * at once: retrying cannot help. Anything else is released with backoff and retried; it fails the
 * job only after {@code maxAttempts} deliveries and, unless it is a bug of ours, once it has kept
 * failing for the whole retry window ({@link FaultTimeouts#retryWindow()}), so a service restart
 * shorter than the window is survived.
 */
final class TaskFailures {
    /** Tasks whose first failure is remembered at most; past it, the oldest are forgotten. */
    private static final int MAX_REMEMBERED = 10_000;
    private final WorkerContext ctx;
    private final WorkerConfig config;
    private final SplittableRandom random = new SplittableRandom();
    /** "job/task" -> when this process first saw it fail. */
    private final ConcurrentHashMap<String, Long> firstFailure = new ConcurrentHashMap<>();

    TaskFailures(WorkerContext ctx, WorkerConfig config) {
        this.ctx = ctx;
        this.config = config;
    }

    CompletableFuture<Void> failed(Lease lease, JobRegistry.Entry job, Node node, Throwable error) {
        Throwable cause = RetryPolicy.unwrap(error);
        String jobId = lease.message().jobId();
        String taskKey = lease.message().taskKey();
        JobFailure failure = null;
        if (cause instanceof KernelFailure kf) {
            failure = FailureMessages.kernelFailure(jobId, taskKey, job, node, kf);
        } else if (cause instanceof CorruptTileException || cause instanceof MissingTileException) {
            // a task runs only after its parents wrote their tiles and before any tile it reads is
            // collected (a done duplicate was told apart before): the tile is lost or broken for good
            failure = FailureMessages.brokenTile(jobId, taskKey, job, node, cause);
        } else if (lease.deliveries() >= config.maxAttempts() && !withinRetryWindow(jobId + "/" + taskKey, cause)) {
            failure = FailureMessages.gaveUp(jobId, taskKey, job, node, lease.deliveries(), cause);
        } else {
            remember(jobId + "/" + taskKey);
        }
        if (failure == null) {
            return release(lease, cause);
        }
        EventLog.emit(new Event.JobFailedByTask(jobId, taskKey, lease.deliveries(), failure.reason()));
        firstFailure.remove(jobId + "/" + taskKey);
        return ctx.state().fail(jobId, failure.encode()).toCompletableFuture().handle((v, e) -> {
            if (e == null || RetryPolicy.unwrap(e) instanceof NoSuchElementException) {
                return ack(lease); // failed, or a job the state no longer knows: nothing to run
            }
            // the state store is unreachable: keep the task, so the job is failed (or healed) later
            ctx.health().failed(ServiceHealth.Service.STATE, e);
            return release(lease, e);
        }).thenCompose(x -> x);
    }

    /** Whether a service error has failed this task for less than the retry window (a bug never is). */
    private boolean withinRetryWindow(String key, Throwable cause) {
        if (ServiceFaults.isBug(cause)) {
            return false;
        }
        long first = remember(key);
        return System.nanoTime() - first < config.faults().retryWindow().toNanos();
    }

    private long remember(String key) {
        if (firstFailure.size() > MAX_REMEMBERED) {
            long old = System.nanoTime() - 4 * config.faults().retryWindow().toNanos();
            firstFailure.values().removeIf(t -> t < old);
        }
        return firstFailure.computeIfAbsent(key, k -> System.nanoTime());
    }

    private CompletableFuture<Void> release(Lease lease, Throwable cause) {
        ctx.leases().untrack(lease);
        var delay = config.backoff(lease.deliveries(), random);
        EventLog.emit(new Event.TaskRetried(lease.message().jobId(), lease.message().taskKey(), lease.deliveries(), delay.toNanos() / 1e9,
                ServiceFaults.rootMessage(cause)));
        return ctx.health().watch(ServiceHealth.Service.QUEUE, () -> ctx.queue().release(lease, delay));
    }

    private CompletableFuture<Void> ack(Lease lease) {
        ctx.leases().untrack(lease);
        return ctx.health().watch(ServiceHealth.Service.QUEUE, () -> ctx.queue().ack(lease));
    }
}
