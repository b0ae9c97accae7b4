package org.wren4j.exec.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryTaskQueueTest {
    private final AtomicLong now = new AtomicLong();
    private final MemoryTaskQueue queue = new MemoryTaskQueue(now::get);

    @AfterEach
    void close() {
        queue.close();
    }

    private static TaskMessage msg(String key, long priority) {
        return new TaskMessage("job", key, priority);
    }

    private List<Lease> lease(int max) {
        return queue.lease(max, Duration.ofSeconds(10), Duration.ZERO).toCompletableFuture().join();
    }

    @Test
    void leasesByPriorityThenArrival() {
        queue.send(List.of(msg("a", 5), msg("b", 1), msg("c", 5), msg("d", 0)));
        assertThat(lease(10)).extracting(l -> l.message().taskKey()).containsExactly("d", "b", "a", "c");
    }

    @Test
    void expiredLeaseIsRedeliveredWithItsCount() {
        queue.send(List.of(msg("a", 0)));
        Lease first = lease(1).get(0);
        assertThat(first.deliveries()).isEqualTo(1);
        assertThat(lease(1)).isEmpty();
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        queue.expire();
        Lease second = lease(1).get(0);
        assertThat(second.message()).isEqualTo(first.message());
        assertThat(second.deliveries()).isEqualTo(2);
        // the first consumer lost its lease: renewing fails, acking is harmless
        assertThatThrownBy(() -> queue.renew(first, Duration.ofSeconds(10)).toCompletableFuture().join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(LeaseLostException.class);
        queue.ack(first).toCompletableFuture().join();
        assertThat(queue.inflight()).isEqualTo(1);
    }

    @Test
    void renewedLeaseDoesNotExpire() {
        queue.send(List.of(msg("a", 0)));
        Lease l = lease(1).get(0);
        for (int i = 0; i < 5; i++) {
            now.addAndGet(Duration.ofSeconds(6).toNanos());
            queue.renew(l, Duration.ofSeconds(10)).toCompletableFuture().join();
            queue.expire();
        }
        assertThat(lease(1)).isEmpty();
        queue.ack(l);
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        queue.expire();
        assertThat(lease(1)).isEmpty();
        assertThat(queue.inflight()).isZero();
    }

    @Test
    void releaseWithDelayHidesTheMessageUntilThen() {
        queue.send(List.of(msg("a", 0)));
        Lease l = lease(1).get(0);
        queue.release(l, Duration.ofSeconds(2));
        assertThat(lease(1)).isEmpty();
        assertThat(queue.pending().toCompletableFuture().join()).isZero();
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(queue.pending().toCompletableFuture().join()).isEqualTo(1);
        assertThat(lease(1).get(0).deliveries()).isEqualTo(2);
    }

    @Test
    void waitingConsumerIsServedBySend() throws Exception {
        var real = new MemoryTaskQueue();
        try {
            var pending = real.lease(1, Duration.ofSeconds(10), Duration.ofSeconds(30)).toCompletableFuture();
            assertThat(pending).isNotDone();
            real.send(List.of(msg("x", 0)));
            assertThat(pending.get(5, java.util.concurrent.TimeUnit.SECONDS)).extracting(l -> l.message().taskKey()).containsExactly("x");
            var timedOut = real.lease(1, Duration.ofSeconds(10), Duration.ofMillis(50)).toCompletableFuture();
            assertThat(timedOut.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
        } finally {
            real.close();
        }
    }
}
