package org.wren4j.exec.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryTaskQueueTest extends AbstractTaskQueueTest {
    private final AtomicLong now = new AtomicLong();

    @Override
    protected TaskQueue newQueue() {
        return new MemoryTaskQueue(now::get);
    }

    @Override
    protected void elapse(Duration d) {
        now.addAndGet(d.toNanos());
        ((MemoryTaskQueue) queue).expire();
    }

    private MemoryTaskQueue memory() {
        return (MemoryTaskQueue) queue;
    }

    /** The memory queue keeps exact priorities, and arrival order within one. */
    @Test
    void leasesByPriorityThenArrival() {
        join(queue.send(List.of(msg("a", 5), msg("b", 1), msg("c", 5), msg("d", 0))));
        assertThat(lease(10)).extracting(l -> l.message().taskKey()).containsExactly("d", "b", "a", "c");
    }

    @Test
    void ackingALostLeaseLeavesTheNewLeaseAlone() {
        join(queue.send(List.of(msg("a", 0))));
        Lease first = lease(1, VISIBILITY).get(0);
        elapse(VISIBILITY.plusSeconds(1));
        lease(1);
        join(queue.ack(first));
        assertThat(memory().inflight()).isEqualTo(1);
    }

    @Test
    void renewedLeaseIsNotInflightAfterAck() {
        join(queue.send(List.of(msg("a", 0))));
        Lease l = lease(1).get(0);
        join(queue.renew(l, Duration.ofSeconds(10)));
        join(queue.ack(l));
        assertThat(memory().inflight()).isZero();
    }
}
