package org.wren4j.exec.queue.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.queue.Lease;
import org.wren4j.exec.queue.TaskMessage;

/** The shared receive loop against a scripted receiver: batching, band order, long polls, give-backs. */
class ReceivePumpTest {
    private record Call(int band, int max, int waitSeconds, CompletableFuture<List<Lease>> answer) {
    }

    /** Bands of messages; short polls answer at once, long polls wait until {@link #answerLongPolls}. */
    private static final class Script implements ReceivePump.Receiver {
        final List<ArrayDeque<Lease>> bands = new ArrayList<>();
        final List<Call> calls = new CopyOnWriteArrayList<>();

        Script(int n) {
            for (int b = 0; b < n; b++) {
                bands.add(new ArrayDeque<>());
            }
        }

        void put(int band, String key, long priority) {
            synchronized (this) {
                bands.get(band).add(new Lease(new TaskMessage("j", key, priority), band + ":" + key, 1));
            }
        }

        @Override
        public CompletableFuture<List<Lease>> receive(int band, int max, int vis, int waitSeconds) {
            var answer = new CompletableFuture<List<Lease>>();
            calls.add(new Call(band, max, waitSeconds, answer));
            if (waitSeconds == 0) {
                answer.complete(take(band, max));
            }
            return answer;
        }

        synchronized List<Lease> take(int band, int max) {
            var out = new ArrayList<Lease>();
            while (out.size() < max && !bands.get(band).isEmpty()) {
                out.add(bands.get(band).poll());
            }
            return out;
        }

        void answerLongPolls() {
            for (Call c : calls) {
                if (c.waitSeconds() > 0 && !c.answer().isDone()) {
                    c.answer().complete(take(c.band(), c.max()));
                }
            }
        }

        long shortPolls() {
            return calls.stream().filter(c -> c.waitSeconds() == 0).count();
        }

        long longPolls() {
            return calls.stream().filter(c -> c.waitSeconds() > 0).count();
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Lease> givenBack = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private ReceivePump pump(Script s) {
        return new ReceivePump(s.bands.size(), 20, s, givenBack::add, timer);
    }

    private static long now() {
        return System.nanoTime();
    }

    private static List<String> keys(List<Lease> leases) {
        return leases.stream().map(l -> l.message().taskKey()).toList();
    }

    @Test
    void oneShortPollRoundTakesBandsInOrderUpToTheDemand() {
        var s = new Script(3);
        s.put(2, "low", 20);
        s.put(0, "high", 1);
        s.put(1, "mid", 10);
        List<Lease> got = pump(s).lease(3, 30, now()).join();
        assertThat(keys(got)).containsExactly("high", "mid", "low");
        assertThat(s.calls).extracting(Call::band).containsExactly(0, 1, 2);
    }

    @Test
    void aDrainedBandIsSkippedUntilSomethingIsSentToIt() {
        var s = new Script(3);
        s.put(2, "a", 20);
        s.put(2, "b", 20);
        // a long memory: the test must not depend on how fast this machine is
        ReceivePump p = new ReceivePump(3, 20, TimeUnit.SECONDS.toNanos(30), s, givenBack::add, timer);
        assertThat(keys(p.lease(1, 30, now()).join())).containsExactly("a");
        int before = s.calls.size();
        assertThat(keys(p.lease(1, 30, now()).join())).containsExactly("b");
        assertThat(s.calls.subList(before, s.calls.size())).extracting(Call::band)
                .as("bands 0 and 1 were found empty a moment ago").containsExactly(2);
        s.put(0, "c", 1);
        p.sent(0);
        assertThat(keys(p.lease(1, 30, now()).join())).containsExactly("c");
    }

    @Test
    void concurrentDemandsShareReceives() {
        var s = new Script(1);
        ReceivePump p = pump(s);
        var waiting = new ArrayList<CompletableFuture<List<Lease>>>();
        for (int i = 0; i < 5; i++) {
            waiting.add(p.lease(2, 30, now() + TimeUnit.SECONDS.toNanos(5)));
        }
        assertThat(s.longPolls()).as("idle consumers share one long poll per band").isEqualTo(1);
        for (int i = 0; i < 10; i++) {
            s.put(0, "t" + i, 0);
        }
        s.answerLongPolls();
        for (var w : waiting) {
            assertThat(w.join()).hasSize(2);
        }
        // the first short poll, the long poll (asked for the first demand), one short poll for the other four
        assertThat(s.calls).hasSize(3);
        assertThat(s.calls.get(2).max()).as("one receive serves four demands").isEqualTo(8);
    }

    @Test
    void aDemandWithNoWaitIsAnsweredEmptyWithoutALongPoll() {
        var s = new Script(2);
        List<Lease> got = pump(s).lease(4, 30, now()).join();
        assertThat(got).isEmpty();
        assertThat(s.longPolls()).isZero();
        assertThat(s.shortPolls()).isEqualTo(2);
    }

    @Test
    void messagesNobodyWaitsForAnyMoreGoBack() throws Exception {
        var s = new Script(1);
        ReceivePump p = pump(s);
        var waiting = p.lease(1, 30, now() + TimeUnit.MILLISECONDS.toNanos(1200));
        assertThat(s.longPolls()).isEqualTo(1);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).as("the wait ran out").isEmpty();
        s.put(0, "late", 0);
        s.answerLongPolls();
        for (int i = 0; i < 100 && givenBack.isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertThat(keys(givenBack)).containsExactly("late");
    }

    @Test
    void aFailedReceiveFailsTheWaitingDemands() {
        ReceivePump p = new ReceivePump(1, 20, (band, max, vis, wait) -> CompletableFuture.failedFuture(new IllegalStateException("down")),
                givenBack::add, timer);
        assertThat(p.lease(1, 30, now())).failsWithin(5, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("down");
    }

    @Test
    void closingAnswersEveryDemandAndGivesBackWhatIsHeld() {
        var s = new Script(1);
        ReceivePump p = pump(s);
        var waiting = p.lease(1, 30, now() + TimeUnit.SECONDS.toNanos(10));
        p.close();
        assertThat(waiting.join()).isEmpty();
        assertThat(p.lease(1, 30, now()).join()).isEmpty();
    }
}
