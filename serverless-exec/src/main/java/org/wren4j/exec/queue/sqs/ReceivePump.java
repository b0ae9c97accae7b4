package org.wren4j.exec.queue.sqs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.wren4j.exec.queue.Lease;

/**
 * One receive loop per queue and process, shared by every consumer that leases from it: the
 * consumers' demands add up into receives of up to 10 messages, at most one receive is in flight
 * per band, and an idle process keeps one long poll per band open instead of one per consumer.
 * Before it, each worker polled on its own, so most receives brought one message or none, and
 * receives were half of what a task cost the queue service.
 *
 * <p>Order: a band found drained (fewer messages than asked) within {@link #EMPTY_MEMORY_NANOS},
 * and not sent or released to from here since, is presumed empty and skipped; otherwise short
 * polls go band 0 first, one at a time, and long polls (all bands at once) start only when every
 * band is presumed empty and some consumer can wait a second or more. A demand is answered once
 * full, or with what it holds once the round of short polls is over, or empty when its wait is
 * over. Messages a long
 * poll brings beyond the demand wait in a small buffer, highest priority first, for the next
 * demand; one held longer than a quarter of its visibility goes back to the queue instead, so a
 * consumer never starts on a lease about to lapse.
 */
final class ReceivePump {
    static final long EMPTY_MEMORY_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    private static final int MAX_BATCH = 10;
    private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** One receive: band, how many, visibility seconds, wait seconds (0: a short poll). */
    interface Receiver {
        CompletableFuture<List<Lease>> receive(int band, int max, int visibilitySeconds, int waitSeconds);
    }

    private static final class Demand {
        final int max;
        final int visibility;
        final long deadline;
        final CompletableFuture<List<Lease>> result;
        final List<Lease> got = new ArrayList<>();

        Demand(int max, int visibility, long deadline, CompletableFuture<List<Lease>> result) {
            this.max = max;
            this.visibility = visibility;
            this.deadline = deadline;
            this.result = result;
        }
    }

    private record Buffered(Lease lease, long receivedAt, int visibility) {
    }

    private final int bands;
    private final int maxWaitSeconds;
    private final long emptyMemoryNanos;
    private final Receiver receiver;
    private final Consumer<Lease> giveBack;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<Demand> demands = new ArrayDeque<>();
    private final PriorityQueue<Buffered> buffer =
            new PriorityQueue<>(Comparator.comparingLong((Buffered b) -> b.lease().message().priority()));
    private final boolean[] inFlight;
    private final long[] emptySince;
    private boolean shortPollInFlight;
    private boolean sweepScheduled;
    private boolean closed;

    ReceivePump(int bands, int maxWaitSeconds, Receiver receiver, Consumer<Lease> giveBack, ScheduledExecutorService timer) {
        this(bands, maxWaitSeconds, EMPTY_MEMORY_NANOS, receiver, giveBack, timer);
    }

    ReceivePump(int bands, int maxWaitSeconds, long emptyMemoryNanos, Receiver receiver, Consumer<Lease> giveBack,
                ScheduledExecutorService timer) {
        this.bands = bands;
        this.maxWaitSeconds = maxWaitSeconds;
        this.emptyMemoryNanos = emptyMemoryNanos;
        this.receiver = receiver;
        this.giveBack = giveBack;
        this.timer = timer;
        this.inFlight = new boolean[bands];
        this.emptySince = new long[bands];
    }

    /** Up to {@code max} leases, waiting until {@code deadlineNanos} (System.nanoTime) for one. */
    CompletableFuture<List<Lease>> lease(int max, int visibilitySeconds, long deadlineNanos) {
        var result = new CompletableFuture<List<Lease>>();
        var d = new Demand(max, visibilitySeconds, deadlineNanos, result);
        synchronized (this) {
            if (closed) {
                result.complete(List.of());
                return result;
            }
            demands.add(d);
        }
        long delay = deadlineNanos - System.nanoTime();
        if (delay > 0) {
            try {
                timer.schedule(this::pump, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                // closing: close() answers every demand
            }
        }
        pump();
        return result;
    }

    /** A message was sent from here to {@code band}: it is no longer presumed empty. */
    synchronized void sent(int band) {
        emptySince[band] = 0;
    }

    private synchronized boolean closed() {
        return closed;
    }

    /** Answers every demand with nothing and gives the buffered messages back. */
    void close() {
        List<Demand> waiting;
        List<Buffered> held;
        synchronized (this) {
            closed = true;
            waiting = new ArrayList<>(demands);
            demands.clear();
            held = new ArrayList<>(buffer);
            buffer.clear();
        }
        waiting.forEach(d -> d.result.complete(List.of()));
        waiting.forEach(d -> d.got.forEach(giveBack));
        held.forEach(b -> giveBack.accept(b.lease()));
    }

    private record Poll(int band, int max, int visibility, int waitSeconds) {
    }

    /** Serves demands from the buffer, answers those whose wait is over, and starts the receives needed. */
    private void pump() {
        var answers = new ArrayList<Runnable>();
        var polls = new ArrayList<Poll>();
        var stale = new ArrayList<Lease>();
        synchronized (this) {
            if (closed) {
                return;
            }
            long now = System.nanoTime();
            serveFromBuffer(now, answers, stale);
            int wanted = 0;
            int visibility = 1;
            long latest = Long.MIN_VALUE;
            for (Iterator<Demand> it = demands.iterator(); it.hasNext(); ) {
                Demand d = it.next();
                if (d.result.isDone()) {
                    it.remove(); // the consumer gave up (e.g. the queue closed under it)
                    continue;
                }
                wanted += d.max - d.got.size();
                visibility = Math.max(visibility, d.visibility);
                latest = Math.max(latest, d.deadline);
            }
            if (wanted > 0 && !shortPollInFlight) {
                int want = Math.min(MAX_BATCH, wanted);
                int band = firstBandToShortPoll(now);
                if (band >= 0) {
                    shortPollInFlight = true;
                    inFlight[band] = true;
                    polls.add(new Poll(band, want, visibility, 0));
                } else if (latest - now >= TimeUnit.MILLISECONDS.toNanos(950)) {
                    // every band looks empty and someone can wait: a long poll answers when a message comes
                    int seconds = (int) Math.max(1, Math.min(maxWaitSeconds, TimeUnit.NANOSECONDS.toSeconds(latest - now + TimeUnit.MILLISECONDS.toNanos(50))));
                    for (int b = 0; b < bands; b++) {
                        if (!inFlight[b]) {
                            inFlight[b] = true;
                            polls.add(new Poll(b, want, visibility, seconds));
                        }
                    }
                }
            }
            // A demand is answered once full; or, with what it holds, once the round of short
            // polls is over (one under way may still bring more, of a lower band); or, with
            // nothing, once its wait is over and no short poll is under way.
            for (Iterator<Demand> it = demands.iterator(); it.hasNext(); ) {
                Demand d = it.next();
                boolean answer = d.got.size() == d.max || !shortPollInFlight && (!d.got.isEmpty() || d.deadline <= now);
                if (answer) {
                    it.remove();
                    List<Lease> out = List.copyOf(d.got);
                    answers.add(() -> {
                        if (!d.result.complete(out)) {
                            out.forEach(giveBack); // the consumer is gone
                        }
                    });
                }
            }
        }
        stale.forEach(giveBack);
        answers.forEach(Runnable::run);
        scheduleSweep();
        for (Poll p : polls) {
            receiver.receive(p.band(), p.max(), p.visibility(), p.waitSeconds())
                    .whenComplete((got, error) -> received(p, got, error));
        }
    }

    /**
     * Messages left in the buffer with nobody asking (a long poll answered after its consumers
     * stopped waiting) go back to the queue after {@link #SWEEP_NANOS}, instead of waiting out
     * their visibility and coming back as a repeated delivery.
     */
    private void scheduleSweep() {
        synchronized (this) {
            if (sweepScheduled || buffer.isEmpty() || !demands.isEmpty() || closed) {
                return;
            }
            sweepScheduled = true;
        }
        try {
            timer.schedule(this::sweep, SWEEP_NANOS, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // close() gives the buffer back
        }
    }

    private void sweep() {
        var back = new ArrayList<Lease>();
        synchronized (this) {
            sweepScheduled = false;
            long now = System.nanoTime();
            if (demands.isEmpty()) {
                buffer.removeIf(b -> {
                    if (now - b.receivedAt() >= SWEEP_NANOS) {
                        back.add(b.lease());
                        return true;
                    }
                    return false;
                });
            }
        }
        back.forEach(giveBack);
        scheduleSweep();
    }

    /** The first band, in priority order, not presumed empty and with no receive in flight; -1 if none. */
    private int firstBandToShortPoll(long now) {
        for (int b = 0; b < bands; b++) {
            // the last band too, or an idle pump would spin on it
            boolean presumedEmpty = emptySince[b] != 0 && now - emptySince[b] < emptyMemoryNanos;
            if (!presumedEmpty) {
                return inFlight[b] ? -1 : b;
            }
        }
        return -1;
    }

    /** Hands buffered messages, highest priority first, to the demands in their order of arrival. */
    private void serveFromBuffer(long now, List<Runnable> answers, List<Lease> stale) {
        Iterator<Demand> it = demands.iterator();
        while (!buffer.isEmpty() && it.hasNext()) {
            Demand d = it.next();
            if (d.result.isDone()) {
                it.remove();
                continue;
            }
            while (d.got.size() < d.max && !buffer.isEmpty()) {
                Buffered b = buffer.poll();
                if (now - b.receivedAt() > TimeUnit.SECONDS.toNanos(b.visibility()) / 4) {
                    stale.add(b.lease());
                } else {
                    d.got.add(b.lease());
                }
            }
        }
    }

    private void received(Poll p, List<Lease> got, Throwable error) {
        List<Demand> failed = List.of();
        var back = new ArrayList<Lease>();
        synchronized (this) {
            inFlight[p.band()] = false;
            if (p.waitSeconds() == 0) {
                shortPollInFlight = false;
            }
            if (error != null) {
                // every waiting consumer hears of it, as each did when it polled on its own
                failed = new ArrayList<>(demands);
                demands.clear();
                failed.forEach(d -> back.addAll(d.got));
            } else if (got.size() < p.max()) {
                // fewer than asked: the band is drained for now (SQS may sample, but near enough)
                emptySince[p.band()] = Math.max(1, System.nanoTime());
            } else {
                emptySince[p.band()] = 0;
            }
            if (error == null && !got.isEmpty()) {
                long now = System.nanoTime();
                for (Lease l : got) {
                    buffer.add(new Buffered(l, now, p.visibility()));
                }
            }
            if (closed) {
                buffer.forEach(held -> back.add(held.lease()));
                buffer.clear();
            }
        }
        back.forEach(giveBack);
        for (Demand d : failed) {
            d.result.completeExceptionally(error);
        }
        if (!closed()) {
            pump();
        }
    }
}
