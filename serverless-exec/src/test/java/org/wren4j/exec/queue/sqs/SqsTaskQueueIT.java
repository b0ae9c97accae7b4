package org.wren4j.exec.queue.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.queue.AbstractTaskQueueTest;
import org.wren4j.exec.queue.Lease;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.exec.queue.TaskQueue;
import org.wren4j.exec.testing.LocalSqs;

/** The task-queue contract against ElasticMQ on loopback, plus bands and dead letters. */
class SqsTaskQueueIT extends AbstractTaskQueueTest {
    private static final AtomicInteger QUEUES = new AtomicInteger();
    private static LocalSqs sqs;
    private static SqsQueueFactory factory;

    @BeforeAll
    static void startServer() {
        sqs = LocalSqs.start();
        factory = SqsQueueFactory.create(sqs.endpoint(), options().build());
    }

    @AfterAll
    static void stopServer() {
        if (factory != null) {
            factory.close();
        }
        if (sqs != null) {
            sqs.close();
        }
    }

    /** Three bands that put HIGH, MIDDLE and LOW apart. */
    private static SqsQueueOptions.Builder options() {
        return sqs.options().bands(new PriorityBands(3, MIDDLE));
    }

    private static String prefix() {
        return "it-" + ProcessHandle.current().pid() + "-" + QUEUES.incrementAndGet();
    }

    @Override
    protected TaskQueue newQueue() {
        return join(factory.open(prefix()));
    }

    @Override
    protected void elapse(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private SqsTaskQueue sqsQueue() {
        return (SqsTaskQueue) queue;
    }

    @Test
    void oneQueuePerBandAndADeadLetterQueue() {
        assertThat(sqsQueue().bandUrls()).hasSize(3).allSatisfy(u -> assertThat(u).matches(".*it-.*-p[012]$"));
        assertThat(sqsQueue().deadLetterUrl()).endsWith("-dlq");
    }

    @Test
    void messagesReceivedTooOftenMoveToTheDeadLetterQueue() {
        try (var f = SqsQueueFactory.create(sqs.endpoint(), options().maxReceives(2).build());
             SqsTaskQueue q = join(f.open(prefix()))) {
            join(q.send(List.of(msg("poison", HIGH), msg("fine", LOW))));
            for (int delivery = 1; delivery <= 2; delivery++) {
                Lease l = join(q.lease(1, VISIBILITY, Duration.ZERO)).get(0);
                assertThat(l.message().taskKey()).isEqualTo("poison");
                assertThat(l.deliveries()).isEqualTo(delivery);
                join(q.release(l, Duration.ZERO));
            }
            // the third receive finds it over the limit: SQS moves it instead of delivering it
            List<Lease> next = join(q.lease(2, VISIBILITY, Duration.ZERO));
            assertThat(next).extracting(l -> l.message().taskKey()).containsExactly("fine");
            assertThat(join(q.deadLettered())).isEqualTo(1);
            assertThat(join(q.pending())).isZero();
        }
    }

    /** Two bands answer one long poll; the loser's message goes back at once, not after its lease. */
    @Test
    void messageOfTheLosingBandIsGivenBack() throws Exception {
        var waiting = queue.lease(1, Duration.ofSeconds(30), Duration.ofSeconds(5)).toCompletableFuture();
        Thread.sleep(1200);
        join(queue.send(List.of(msg("h", HIGH), msg("l", LOW))));
        Lease won = waiting.get(10, TimeUnit.SECONDS).get(0);
        String other = won.message().taskKey().equals("h") ? "l" : "h";
        List<Lease> rest = List.of();
        for (int i = 0; i < 50 && rest.isEmpty(); i++) {
            rest = lease(1);
            if (rest.isEmpty()) {
                Thread.sleep(100);
            }
        }
        assertThat(rest).extracting(l -> l.message().taskKey()).containsExactly(other);
    }

    @Test
    void closingGivesWaitingConsumersNothing() throws Exception {
        var waiting = queue.lease(1, Duration.ofSeconds(10), Duration.ofSeconds(10)).toCompletableFuture();
        Thread.sleep(1200);
        queue.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void acknowledgementsOfManyConsumersShareBatches() {
        var sent = new ArrayList<TaskMessage>();
        for (int i = 0; i < 40; i++) {
            sent.add(msg("t" + i, HIGH));
        }
        join(queue.send(sent));
        var leases = new ArrayList<Lease>();
        while (leases.size() < 40) {
            leases.addAll(lease(10));
        }
        CompletableFuture.allOf(leases.stream().map(l -> queue.ack(l).toCompletableFuture()).toArray(CompletableFuture[]::new)).join();
        elapse(Duration.ofSeconds(11));
        assertThat(lease(10)).isEmpty();
        assertThat(join(queue.pending())).isZero();
    }

    /** Prints send and lease+ack rates on loopback ElasticMQ; asserts only exactly-once receipt. */
    @Test
    void measureThroughput() throws Exception {
        int n = 2_000;
        var sent = new ArrayList<TaskMessage>();
        for (int i = 0; i < n; i++) {
            sent.add(msg("m" + i, i % 2 == 0 ? HIGH : LOW));
        }
        long t0 = System.nanoTime();
        join(queue.send(sent));
        double sendRate = n / ((System.nanoTime() - t0) / 1e9);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        var duplicates = new AtomicInteger();
        long t1 = System.nanoTime();
        var consumers = new ArrayList<CompletableFuture<Void>>();
        for (int c = 0; c < 4; c++) {
            consumers.add(CompletableFuture.runAsync(() -> {
                while (seen.size() < n) {
                    List<Lease> got = lease(10, Duration.ofSeconds(30));
                    for (Lease l : got) {
                        if (!seen.add(l.message().taskKey())) {
                            duplicates.incrementAndGet();
                        }
                    }
                    CompletableFuture.allOf(got.stream().map(l -> queue.ack(l).toCompletableFuture()).toArray(CompletableFuture[]::new)).join();
                }
            }));
        }
        CompletableFuture.allOf(consumers.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        double receiveRate = n / ((System.nanoTime() - t1) / 1e9);
        System.out.printf("SqsTaskQueue on loopback ElasticMQ: send %.0f msgs/s (batches of 10), lease+ack %.0f msgs/s (4 consumers)%n",
                sendRate, receiveRate);
        assertThat(seen).hasSize(n);
        assertThat(duplicates).hasValue(0);
    }
}
