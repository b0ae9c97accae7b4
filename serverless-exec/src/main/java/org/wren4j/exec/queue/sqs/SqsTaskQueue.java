package org.wren4j.exec.queue.sqs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.wren4j.exec.queue.Lease;
import org.wren4j.exec.queue.LeaseLostException;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.queue.TaskQueue;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@link TaskQueue} on Amazon SQS (or ElasticMQ): standard queues, one per priority band (see
 * {@link PriorityBands} for how well that approximates priorities), and a dead-letter queue
 * that SQS's redrive policy fills with messages received more than
 * {@link SqsQueueOptions#maxReceives()} times. Open one with {@link SqsQueueFactory}.
 *
 * <p>Leases are SQS visibility timeouts, in whole seconds rounded up (so at least one second);
 * a release delay is rounded up the same way. {@link Lease#deliveries()} is SQS's
 * ApproximateReceiveCount. All consumers of one queue object lease through one
 * {@link ReceivePump}: their demands share receives of up to 10 messages, short polls go band 0
 * first, and an idle process keeps one long poll per band open (see there for the order and
 * its limits). Sends and acknowledgements are batched across callers (see
 * {@link SqsQueueOptions#ackLinger()}).
 */
public final class SqsTaskQueue implements TaskQueue {
    private static final System.Logger LOG = System.getLogger(SqsTaskQueue.class.getName());
    private static final long MAX_VISIBILITY_SECONDS = 43_200;

    private final SqsAsyncClient client;
    private final List<String> bandUrls;
    private final String deadLetterUrl;
    private final SqsQueueOptions options;
    private final AutoCloseable owner;
    private final ScheduledExecutorService timer;
    private final AckBatcher acks;
    private final SendBatcher sends;
    private final SqsRequestCounts counts = new SqsRequestCounts();
    // all consumers of this process lease through it: closing hands them an empty list, as the memory queue does
    private final ReceivePump pump;
    private volatile boolean closed;

    SqsTaskQueue(SqsAsyncClient client, List<String> bandUrls, String deadLetterUrl, SqsQueueOptions options, AutoCloseable owner) {
        this.client = client;
        this.bandUrls = List.copyOf(bandUrls);
        this.deadLetterUrl = deadLetterUrl;
        this.options = options;
        this.owner = owner;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wren4j-sqs-timer");
            t.setDaemon(true);
            return t;
        });
        this.pump = new ReceivePump(this.bandUrls.size(), SqsQueueOptions.MAX_WAIT_SECONDS, this::receive,
                l -> release(l, Duration.ZERO), timer);
        this.acks = new AckBatcher(client, this.bandUrls, options.ackLinger(), timer, counts);
        this.sends = new SendBatcher(this.bandUrls.size(), options.ackLinger(), timer, (band, batch) -> sendBatch(band, batch, 1));
    }

    /** The queue URLs, band 0 (leased first) first. */
    public List<String> bandUrls() {
        return bandUrls;
    }

    public String deadLetterUrl() {
        return deadLetterUrl;
    }

    /** The requests this queue made so far, by API. */
    public SqsRequestCounts requestCounts() {
        return counts;
    }

    @Override
    public CompletionStage<Void> send(List<TaskMessage> messages) {
        requireNonNull(messages, "messages is null");
        checkOpen();
        var calls = new CompletableFuture<?>[messages.size()];
        for (int i = 0; i < calls.length; i++) {
            TaskMessage m = messages.get(i);
            int band = options.bands().band(m.priority());
            pump.sent(band);
            calls[i] = sends.add(band, m);
        }
        return CompletableFuture.allOf(calls);
    }

    private CompletableFuture<Void> sendBatch(int band, List<TaskMessage> batch, int attempt) {
        var entries = new ArrayList<SendMessageBatchRequestEntry>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(MessageCodec.encode(batch.get(i))).build());
        }
        counts.request(SqsRequestCounts.Api.SEND_BATCH);
        return client.sendMessageBatch(r -> r.queueUrl(bandUrls.get(band)).entries(entries)).thenCompose(response -> {
            if (response.failed().isEmpty()) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            var again = new ArrayList<TaskMessage>();
            var reasons = new ArrayList<String>();
            boolean senderFault = false;
            for (var f : response.failed()) {
                again.add(batch.get(Integer.parseInt(f.id())));
                reasons.add(f.code() + " " + f.message());
                senderFault |= Boolean.TRUE.equals(f.senderFault());
            }
            // a server-side hiccup of some entries is retried; a fault of ours would fail again
            if (!senderFault && attempt < 3) {
                return sendBatch(band, again, attempt + 1);
            }
            return CompletableFuture.<Void>failedFuture(new IllegalStateException(
                    "SQS refused " + again.size() + " of " + batch.size() + " messages after " + attempt + " attempts: " + reasons));
        });
    }

    /** SQS caps a message's delay at 15 minutes. */
    static final long MAX_DELAY_SECONDS = 900;

    @Override
    public CompletionStage<Void> sendDelayed(List<TaskMessage> messages, Duration delay) {
        requireNonNull(messages, "messages is null");
        checkOpen();
        int seconds = (int) Math.min(MAX_DELAY_SECONDS, ceilSeconds(delay));
        if (seconds == 0) {
            return send(messages);
        }
        // rare (one per task a worker runs ahead), so not batched across callers
        var calls = new CompletableFuture<?>[messages.size()];
        for (int i = 0; i < calls.length; i++) {
            TaskMessage m = messages.get(i);
            int band = options.bands().band(m.priority());
            counts.request(SqsRequestCounts.Api.SEND);
            calls[i] = client.sendMessage(r -> r.queueUrl(bandUrls.get(band)).messageBody(MessageCodec.encode(m)).delaySeconds(seconds));
        }
        return CompletableFuture.allOf(calls).handle((v, e) -> {
            if (e != null) {
                throw new java.util.concurrent.CompletionException(SqsErrors.unwrap(e));
            }
            return null;
        });
    }

    @Override
    public CompletionStage<List<Lease>> lease(int max, Duration visibility, Duration wait) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        requireNonNull(visibility, "visibility is null");
        requireNonNull(wait, "wait is null");
        checkOpen();
        int vis = (int) Math.min(MAX_VISIBILITY_SECONDS, Math.max(1, ceilSeconds(visibility)));
        return pump.lease(max, vis, System.nanoTime() + wait.toNanos()).handle((got, e) -> {
            if (e != null) {
                throw new java.util.concurrent.CompletionException(SqsErrors.unwrap(e));
            }
            return got;
        });
    }

    private CompletableFuture<List<Lease>> receive(int band, int max, int vis, int waitSeconds) {
        counts.request(SqsRequestCounts.Api.RECEIVE);
        return client.receiveMessage(r -> r.queueUrl(bandUrls.get(band)).maxNumberOfMessages(max).visibilityTimeout(vis)
                        .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .thenApply(response -> {
                    counts.received(response.messages().size());
                    var leases = new ArrayList<Lease>(response.messages().size());
                    for (Message m : response.messages()) {
                        TaskMessage task;
                        try {
                            task = MessageCodec.decode(m.body());
                        } catch (IllegalArgumentException e) {
                            // not ours: it stays invisible, and after maxReceives SQS moves it aside
                            LOG.log(System.Logger.Level.WARNING, "skipping message " + m.messageId() + " of " + bandUrls.get(band) + ": " + e.getMessage());
                            continue;
                        }
                        String count = m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
                        leases.add(new Lease(task, band + ":" + m.receiptHandle(), count == null ? 1 : Integer.parseInt(count)));
                    }
                    return leases;
                });
    }

    @Override
    public CompletionStage<Void> renew(Lease lease, Duration visibility) {
        requireNonNull(visibility, "visibility is null");
        int vis = (int) Math.min(MAX_VISIBILITY_SECONDS, Math.max(1, ceilSeconds(visibility)));
        return changeVisibility(lease, vis).handle((r, e) -> {
            if (e == null) {
                return null;
            }
            if (SqsErrors.isLostLease(e)) {
                throw new LeaseLostException("lease of task " + lease.message().taskKey() + " was lost");
            }
            throw new java.util.concurrent.CompletionException(SqsErrors.unwrap(e));
        });
    }

    @Override
    public CompletionStage<Void> ack(Lease lease) {
        int band = band(lease);
        return acks.add(band, handle(lease));
    }

    @Override
    public CompletionStage<Void> release(Lease lease, Duration delay) {
        requireNonNull(delay, "delay is null");
        int seconds = (int) Math.min(MAX_VISIBILITY_SECONDS, ceilSeconds(delay));
        return changeVisibility(lease, seconds).handle((r, e) -> {
            if (seconds == 0) {
                pump.sent(band(lease)); // visible again: its band is not empty any more
            }
            if (e == null || SqsErrors.isLostLease(e)) {
                return null;
            }
            throw new java.util.concurrent.CompletionException(SqsErrors.unwrap(e));
        });
    }

    private CompletableFuture<?> changeVisibility(Lease lease, int seconds) {
        counts.request(SqsRequestCounts.Api.CHANGE_VISIBILITY);
        return client.changeMessageVisibility(r -> r.queueUrl(bandUrls.get(band(lease))).receiptHandle(handle(lease)).visibilityTimeout(seconds));
    }

    @Override
    public CompletionStage<Long> pending() {
        var counts = new ArrayList<CompletableFuture<Long>>();
        for (String url : bandUrls) {
            counts.add(count(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        }
        return CompletableFuture.allOf(counts.toArray(CompletableFuture[]::new))
                .thenApply(v -> counts.stream().mapToLong(CompletableFuture::join).sum());
    }

    /** Messages in the dead-letter queue, approximately: visible and leased. */
    public CompletionStage<Long> deadLettered() {
        return count(deadLetterUrl, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                .thenCombine(count(deadLetterUrl, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE), Long::sum);
    }

    private CompletableFuture<Long> count(String url, QueueAttributeName attribute) {
        counts.request(SqsRequestCounts.Api.GET_ATTRIBUTES);
        return client.getQueueAttributes(r -> r.queueUrl(url).attributeNames(attribute))
                .thenApply((GetQueueAttributesResponse a) -> Long.parseLong(a.attributes().getOrDefault(attribute, "0")));
    }

    private int band(Lease lease) {
        String r = lease.receipt();
        int colon = r.indexOf(':');
        int band = colon > 0 ? parseBand(r.substring(0, colon)) : -1;
        if (band < 0 || band >= bandUrls.size()) {
            throw new IllegalArgumentException("not a lease of this queue: receipt " + r);
        }
        return band;
    }

    private static int parseBand(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String handle(Lease lease) {
        return lease.receipt().substring(lease.receipt().indexOf(':') + 1);
    }

    static long ceilSeconds(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + d);
        }
        long s = d.getSeconds();
        return d.getNano() > 0 ? s + 1 : s;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("task queue is closed");
        }
    }

    /** Sends the acknowledgements still waiting, then closes the client if this queue owns it. */
    /** "SQS at URL", for messages that name a queue that stopped answering (a queue URL holds no secret). */
    @Override
    public String toString() {
        return "SQS at " + bandUrls.get(0);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pump.close();
        sends.flushAll();
        acks.drain(Duration.ofSeconds(5));
        timer.shutdownNow();
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing the SQS client failed", e);
            }
        }
    }
}
