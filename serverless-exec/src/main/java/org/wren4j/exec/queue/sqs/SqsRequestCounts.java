package org.wren4j.exec.queue.sqs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many SQS requests a queue made, by API, and how many messages its receives brought: the
 * control plane's cost per task, which a dry run reports (ElasticMQ or SQS CPU, and SQS's bill,
 * go by requests, not by messages).
 */
public final class SqsRequestCounts {
    /** The SQS APIs a {@link SqsTaskQueue} calls. */
    public enum Api { RECEIVE, SEND, SEND_BATCH, DELETE_BATCH, CHANGE_VISIBILITY, GET_ATTRIBUTES }

    private final LongAdder[] requests = new LongAdder[Api.values().length];
    private final LongAdder emptyReceives = new LongAdder();
    private final LongAdder received = new LongAdder();

    SqsRequestCounts() {
        for (int i = 0; i < requests.length; i++) {
            requests[i] = new LongAdder();
        }
    }

    void request(Api api) {
        requests[api.ordinal()].increment();
    }

    void received(int messages) {
        received.add(messages);
        if (messages == 0) {
            emptyReceives.increment();
        }
    }

    public long requests(Api api) {
        return requests[api.ordinal()].sum();
    }

    public long total() {
        long sum = 0;
        for (LongAdder a : requests) {
            sum += a.sum();
        }
        return sum;
    }

    public long emptyReceives() {
        return emptyReceives.sum();
    }

    public long messagesReceived() {
        return received.sum();
    }

    /** Every count by name (lower case), e.g. {@code receive=120, empty_receive=7, ...}. */
    public Map<String, Long> snapshot() {
        var out = new LinkedHashMap<String, Long>();
        for (Api a : Api.values()) {
            out.put(a.name().toLowerCase(java.util.Locale.ROOT), requests(a));
        }
        out.put("empty_receive", emptyReceives());
        out.put("messages_received", messagesReceived());
        return out;
    }
}
