package org.wren4j.exec.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TaskQueue}; every implementation runs it. Time passes through
 * {@link #elapse}, so that a queue with a fake clock need not sleep. Priorities used here are
 * {@link #HIGH}, {@link #MIDDLE} and {@link #LOW}, far apart so that a queue that only
 * approximates priorities (SQS's bands) can still tell them apart.
 */
public abstract class AbstractTaskQueueTest {
    protected static final long HIGH = 0;
    protected static final long MIDDLE = 1_000;
    protected static final long LOW = 1_000_000;
    protected static final Duration VISIBILITY = Duration.ofSeconds(1);

    protected TaskQueue queue;

    protected abstract TaskQueue newQueue();

    /** Lets {@code d} pass for the queue's leases and delays. */
    protected abstract void elapse(Duration d);

    @BeforeEach
    void open() {
        queue = newQueue();
    }

    @AfterEach
    void closeQueue() {
        queue.close();
    }

    protected static TaskMessage msg(String key, long priority) {
        return new TaskMessage("job", key, priority);
    }

    protected static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    protected List<Lease> lease(int max, Duration visibility) {
        return join(queue.lease(max, visibility, Duration.ZERO));
    }

    protected List<Lease> lease(int max) {
        return lease(max, Duration.ofSeconds(10));
    }

    private static List<String> keys(List<Lease> leases) {
        return leases.stream().map(l -> l.message().taskKey()).toList();
    }

    @Test
    void leasesHigherPriorityFirst() {
        join(queue.send(List.of(msg("l1", LOW), msg("m1", MIDDLE), msg("h1", HIGH), msg("l2", LOW),
                msg("m2", MIDDLE), msg("h2", HIGH), msg("l3", LOW), msg("h3", HIGH))));
        List<Lease> first = lease(3);
        assertThat(keys(first)).containsExactlyInAnyOrder("h1", "h2", "h3");
        List<Lease> rest = lease(10);
        assertThat(keys(rest)).hasSize(5);
        assertThat(keys(rest).subList(0, 2)).containsExactlyInAnyOrder("m1", "m2");
        assertThat(keys(rest).subList(2, 5)).containsExactlyInAnyOrder("l1", "l2", "l3");
        assertThat(first).allSatisfy(l -> assertThat(l.deliveries()).isEqualTo(1));
        assertThat(lease(10)).isEmpty();
    }

    @Test
    void messagesKeepTheirContent() {
        var m = new TaskMessage("job-\u00e9|7|x", "chol(3) |{odd}|", MIDDLE + 1);
        join(queue.send(List.of(m)));
        assertThat(lease(1)).singleElement().satisfies(l -> assertThat(l.message()).isEqualTo(m));
    }

    @Test
    void manyMessagesAreEachDeliveredOnce() {
        var sent = new ArrayList<TaskMessage>();
        for (int i = 0; i < 95; i++) {
            sent.add(msg("t" + i, i % 3 == 0 ? HIGH : LOW));
        }
        join(queue.send(sent));
        Set<String> seen = new HashSet<>();
        List<Lease> all = new ArrayList<>();
        for (int round = 0; round < 100 && all.size() < sent.size(); round++) {
            List<Lease> got = lease(7);
            all.addAll(got);
            got.forEach(l -> assertThat(seen.add(l.message().taskKey())).as("duplicate %s", l.message().taskKey()).isTrue());
        }
        assertThat(seen).hasSize(95);
        assertThat(join(queue.pending())).isZero();
        all.forEach(l -> join(queue.ack(l)));
        elapse(Duration.ofSeconds(11));
        assertThat(lease(10)).isEmpty();
    }

    @Test
    void expiredLeaseIsRedeliveredWithItsCount() {
        join(queue.send(List.of(msg("a", HIGH))));
        Lease first = lease(1, VISIBILITY).get(0);
        assertThat(first.deliveries()).isEqualTo(1);
        assertThat(lease(1)).isEmpty();
        elapse(VISIBILITY.plusSeconds(1));
        Lease second = lease(1).get(0);
        assertThat(second.message()).isEqualTo(first.message());
        assertThat(second.deliveries()).isEqualTo(2);
        // the first consumer lost its lease: renewing fails, acking and releasing are harmless
        assertThatThrownBy(() -> join(queue.renew(first, Duration.ofSeconds(10))))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(LeaseLostException.class);
        join(queue.release(first, Duration.ZERO));
        join(queue.ack(first));
        // the second lease still holds the message
        join(queue.renew(second, Duration.ofSeconds(10)));
    }

    @Test
    void renewedLeaseDoesNotExpire() {
        join(queue.send(List.of(msg("a", HIGH))));
        Lease l = lease(1, Duration.ofSeconds(2)).get(0);
        for (int i = 0; i < 3; i++) {
            elapse(Duration.ofSeconds(1));
            join(queue.renew(l, Duration.ofSeconds(2)));
        }
        assertThat(lease(1)).isEmpty();
        join(queue.ack(l));
        elapse(Duration.ofSeconds(3));
        assertThat(lease(1)).isEmpty();
        assertThat(join(queue.pending())).isZero();
    }

    @Test
    void ackedMessageIsGoneAndRenewingItFails() {
        join(queue.send(List.of(msg("a", HIGH))));
        Lease l = lease(1, VISIBILITY).get(0);
        join(queue.ack(l));
        join(queue.ack(l));
        assertThatThrownBy(() -> join(queue.renew(l, Duration.ofSeconds(10))))
                .hasCauseInstanceOf(LeaseLostException.class);
        elapse(VISIBILITY.plusSeconds(1));
        assertThat(lease(1)).isEmpty();
    }

    @Test
    void releaseWithDelayHidesTheMessageUntilThen() {
        join(queue.send(List.of(msg("a", HIGH))));
        Lease l = lease(1).get(0);
        join(queue.release(l, Duration.ofSeconds(2)));
        assertThat(lease(1)).isEmpty();
        assertThat(join(queue.pending())).isZero();
        elapse(Duration.ofSeconds(3));
        assertThat(join(queue.pending())).isEqualTo(1);
        assertThat(lease(1).get(0).deliveries()).isEqualTo(2);
    }

    @Test
    void releaseWithoutDelayMakesItVisibleAtOnce() {
        join(queue.send(List.of(msg("a", HIGH), msg("b", LOW))));
        List<Lease> both = lease(2);
        assertThat(join(queue.pending())).isZero();
        join(queue.release(both.get(0), Duration.ZERO));
        assertThat(join(queue.pending())).isEqualTo(1);
        Lease again = lease(1).get(0);
        assertThat(again.message()).isEqualTo(both.get(0).message());
        assertThat(again.deliveries()).isEqualTo(2);
    }

    @Test
    void pendingCountsVisibleMessagesOnly() {
        assertThat(join(queue.pending())).isZero();
        join(queue.send(List.of(msg("a", HIGH), msg("b", MIDDLE), msg("c", LOW), msg("d", LOW), msg("e", HIGH))));
        assertThat(join(queue.pending())).isEqualTo(5);
        lease(2);
        assertThat(join(queue.pending())).isEqualTo(3);
    }

    @Test
    void waitingConsumerIsServedBySend() throws Exception {
        var pending = queue.lease(1, Duration.ofSeconds(10), Duration.ofSeconds(8)).toCompletableFuture();
        assertThat(pending).isNotDone();
        // long enough for a queue that polls to be waiting on the server
        Thread.sleep(1200);
        assertThat(pending).isNotDone();
        join(queue.send(List.of(msg("x", LOW))));
        assertThat(keys(pending.get(6, TimeUnit.SECONDS))).containsExactly("x");
        var timedOut = queue.lease(1, Duration.ofSeconds(10), Duration.ofMillis(50)).toCompletableFuture();
        assertThat(timedOut.get(5, TimeUnit.SECONDS)).isEmpty();
    }

    /** A delayed message (the backup of a task run ahead) is invisible until its delay is over, then leased as any. */
    @Test
    void delayedMessageAppearsAfterItsDelay() throws Exception {
        join(queue.sendDelayed(List.of(msg("later", MIDDLE)), Duration.ofSeconds(2)));
        assertThat(lease(1)).as("not before its delay").isEmpty();
        elapse(Duration.ofMillis(2500));
        List<Lease> got = List.of();
        for (int i = 0; i < 30 && got.isEmpty(); i++) {
            got = join(queue.lease(1, Duration.ofSeconds(10), Duration.ofSeconds(1)));
        }
        assertThat(keys(got)).containsExactly("later");
        assertThat(got.get(0).deliveries()).isEqualTo(1);
    }

    @Test
    void sendingNothingIsFine() {
        join(queue.send(List.of()));
        assertThat(join(queue.pending())).isZero();
    }

    @Test
    void leaseRejectsANonPositiveMax() {
        assertThatThrownBy(() -> queue.lease(0, Duration.ofSeconds(1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
