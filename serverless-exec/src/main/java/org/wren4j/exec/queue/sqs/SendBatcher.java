package org.wren4j.exec.queue.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.wren4j.exec.queue.TaskMessage;

/**
 * Gathers the sends of many tasks (each completing task enqueues its one or two ready children)
 * into SendMessageBatch calls of up to 10 per band: a message waits at most the linger for
 * others, and a full batch goes at once. Each HTTP call costs far more than its bytes, so this
 * cuts the calls per task; the caller's future completes when its message is accepted.
 */
final class SendBatcher {
    private record Pending(TaskMessage message, CompletableFuture<Void> done) {
    }

    private final int bands;
    private final long lingerNanos;
    private final ScheduledExecutorService timer;
    private final BiFunction<Integer, List<TaskMessage>, CompletableFuture<Void>> sender;
    private final List<List<Pending>> waiting = new ArrayList<>();
    private final boolean[] scheduled;

    SendBatcher(int bands, Duration linger, ScheduledExecutorService timer, BiFunction<Integer, List<TaskMessage>, CompletableFuture<Void>> sender) {
        this.bands = bands;
        this.lingerNanos = linger.toNanos();
        this.timer = timer;
        this.sender = sender;
        this.scheduled = new boolean[bands];
        for (int i = 0; i < bands; i++) {
            waiting.add(new ArrayList<>());
        }
    }

    CompletableFuture<Void> add(int band, TaskMessage message) {
        var p = new Pending(message, new CompletableFuture<>());
        List<Pending> full = null;
        boolean schedule = false;
        synchronized (this) {
            List<Pending> list = waiting.get(band);
            list.add(p);
            if (list.size() == 10) {
                full = List.copyOf(list);
                list.clear();
            } else if (!scheduled[band]) {
                scheduled[band] = true;
                schedule = true;
            }
        }
        if (full != null) {
            send(band, full);
        } else if (schedule) {
            if (lingerNanos == 0) {
                flush(band);
            } else {
                try {
                    timer.schedule(() -> flush(band), lingerNanos, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException closing) {
                    flush(band);
                }
            }
        }
        return p.done;
    }

    void flushAll() {
        for (int b = 0; b < bands; b++) {
            flush(b);
        }
    }

    private void flush(int band) {
        List<Pending> batch;
        synchronized (this) {
            scheduled[band] = false;
            batch = List.copyOf(waiting.get(band));
            waiting.get(band).clear();
        }
        if (!batch.isEmpty()) {
            send(band, batch);
        }
    }

    private void send(int band, List<Pending> batch) {
        CompletableFuture<Void> call;
        try {
            call = sender.apply(band, batch.stream().map(Pending::message).toList());
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((v, e) -> batch.forEach(p -> {
            if (e != null) {
                p.done().completeExceptionally(SqsErrors.unwrap(e));
            } else {
                p.done().complete(null);
            }
        }));
    }
}
