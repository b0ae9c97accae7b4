package org.wren4j.exec.queue.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;

/**
 * Gathers acknowledgements into DeleteMessageBatch calls of up to 10: an acknowledgement waits
 * at most the linger for others of its queue, and a full batch goes at once. Deleting a message
 * whose lease was lost is harmless, as {@code TaskQueue.ack} promises.
 */
final class AckBatcher {
    private record Pending(String handle, CompletableFuture<Void> done) {
    }

    private final SqsAsyncClient client;
    private final List<String> queueUrls;
    private final long lingerNanos;
    private final ScheduledExecutorService timer;
    private final List<List<Pending>> waiting = new ArrayList<>();
    private final boolean[] scheduled;
    private final Set<CompletableFuture<?>> inflight = ConcurrentHashMap.newKeySet();
    private final SqsRequestCounts counts;

    AckBatcher(SqsAsyncClient client, List<String> queueUrls, Duration linger, ScheduledExecutorService timer, SqsRequestCounts counts) {
        this.counts = counts;
        this.client = client;
        this.queueUrls = List.copyOf(queueUrls);
        this.lingerNanos = linger.toNanos();
        this.timer = timer;
        this.scheduled = new boolean[queueUrls.size()];
        for (int i = 0; i < queueUrls.size(); i++) {
            waiting.add(new ArrayList<>());
        }
    }

    CompletableFuture<Void> add(int queue, String receiptHandle) {
        var p = new Pending(receiptHandle, new CompletableFuture<>());
        List<Pending> full = null;
        boolean schedule = false;
        synchronized (this) {
            List<Pending> list = waiting.get(queue);
            list.add(p);
            if (list.size() == 10) {
                full = take(queue);
            } else if (!scheduled[queue]) {
                scheduled[queue] = true;
                schedule = true;
            }
        }
        if (full != null) {
            send(queue, full);
        } else if (schedule) {
            try {
                timer.schedule(() -> flush(queue), lingerNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                flush(queue);
            }
        }
        return p.done;
    }

    private List<Pending> take(int queue) {
        List<Pending> list = waiting.get(queue);
        List<Pending> batch = List.copyOf(list);
        list.clear();
        return batch;
    }

    private void flush(int queue) {
        List<Pending> batch;
        synchronized (this) {
            scheduled[queue] = false;
            batch = take(queue);
        }
        if (!batch.isEmpty()) {
            send(queue, batch);
        }
    }

    /** Sends everything waiting and waits up to {@code timeout} for the deletes in flight. */
    void drain(Duration timeout) {
        for (int q = 0; q < queueUrls.size(); q++) {
            flush(q);
        }
        try {
            CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new)).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // closing: deletes that did not finish leave their messages to reappear, as after a crash
        }
    }

    private void send(int queue, List<Pending> batch) {
        var entries = new ArrayList<DeleteMessageBatchRequestEntry>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(batch.get(i).handle()).build());
        }
        counts.request(SqsRequestCounts.Api.DELETE_BATCH);
        CompletableFuture<DeleteMessageBatchResponse> call = client.deleteMessageBatch(b -> b.queueUrl(queueUrls.get(queue)).entries(entries));
        inflight.add(call);
        call.whenComplete((response, error) -> {
            inflight.remove(call);
            if (error != null) {
                batch.forEach(p -> p.done().completeExceptionally(SqsErrors.unwrap(error)));
                return;
            }
            for (DeleteMessageBatchResultEntry ok : response.successful()) {
                batch.get(Integer.parseInt(ok.id())).done().complete(null);
            }
            for (BatchResultErrorEntry failed : response.failed()) {
                CompletableFuture<Void> done = batch.get(Integer.parseInt(failed.id())).done();
                if (SqsErrors.isLostLease(failed.code())) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(new IllegalStateException(
                            "SQS did not delete a message of " + queueUrls.get(queue) + ": " + failed.code() + " " + failed.message()));
                }
            }
            // an entry the answer forgot must not hang its caller
            batch.forEach(p -> p.done().completeExceptionally(new IllegalStateException("SQS did not answer for a deleted message")));
        });
    }
}
