package org.wren4j.exec.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The queue of a simulation: the same contract on a virtual clock, with no thread of its own. */
class DrivenMemoryTaskQueueTest extends AbstractTaskQueueTest {
    private final AtomicLong now = new AtomicLong();

    @Override
    protected TaskQueue newQueue() {
        return MemoryTaskQueue.driven(now::get);
    }

    @Override
    protected void elapse(Duration d) {
        now.addAndGet(d.toNanos());
        ((MemoryTaskQueue) queue).expire();
    }

    @Test
    void anExpiredLeaseComesBackOnlyWhenTheDriverExpiresIt() {
        join(queue.send(List.of(msg("a", 0))));
        Lease first = lease(1, VISIBILITY).get(0);
        now.addAndGet(VISIBILITY.plusSeconds(1).toNanos());
        assertThat(join(queue.pending())).isZero();
        ((MemoryTaskQueue) queue).expire();
        Lease again = lease(1).get(0);
        assertThat(again.message()).isEqualTo(first.message());
        assertThat(again.deliveries()).isEqualTo(2);
    }

    /** No consumer waits on a driven queue (its simulation wakes idle workers itself): a lease answers at once. */
    @Override
    @Test
    void waitingConsumerIsServedBySend() {
        assertThat(join(queue.lease(1, VISIBILITY, Duration.ofHours(1)))).isEmpty();
        join(queue.send(List.of(msg("a", 0))));
        assertThat(lease(1)).extracting(l -> l.message().taskKey()).containsExactly("a");
    }

    @Test
    void aLeaseOnAnEmptyQueueAnswersAtOnce() {
        assertThat(join(queue.lease(1, VISIBILITY, Duration.ofHours(1)))).isEmpty();
    }
}
