package org.wren4j.exec.queue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * An at-least-once task queue with leases (visibility timeouts). A leased message reappears
 * when its lease expires without {@link #ack}; consumers must tolerate duplicates.
 */
public interface TaskQueue extends AutoCloseable {

    CompletionStage<Void> send(List<TaskMessage> messages);

    /**
     * Sends messages that become visible only after {@code delay}: the backup of work this
     * process has started itself, leased by someone else only if this process never finishes it.
     * A queue may cap the delay (SQS: 15 minutes).
     */
    CompletionStage<Void> sendDelayed(List<TaskMessage> messages, Duration delay);

    /**
     * Leases up to {@code max} messages, highest priority (lowest value) first, waiting up to
     * {@code wait} for one to arrive. Completes with an empty list when none came.
     */
    CompletionStage<List<Lease>> lease(int max, Duration visibility, Duration wait);

    /** Extends the lease to {@code visibility} from now; fails if the lease was lost. */
    CompletionStage<Void> renew(Lease lease, Duration visibility);

    /** Deletes the message for good. Acknowledging a lost lease is harmless. */
    CompletionStage<Void> ack(Lease lease);

    /** Gives the message back, visible again after {@code delay} (a retry with backoff). */
    CompletionStage<Void> release(Lease lease, Duration delay);

    /** Messages visible now (not leased, not delayed), approximately. */
    CompletionStage<Long> pending();

    /**
     * Messages waiting or leased or delayed, if this queue knows it exactly (an in-process
     * queue does); empty otherwise. Lets a client tell a stalled job from a slow one.
     */
    default java.util.OptionalLong outstanding() {
        return java.util.OptionalLong.empty();
    }

    /**
     * Messages leased and not yet acknowledged or expired, if this queue knows it cheaply (an
     * in-process queue does; SQS approximates it as its in-flight count); empty otherwise.
     */
    default java.util.OptionalLong leased() {
        return java.util.OptionalLong.empty();
    }

    @Override
    void close();
}
