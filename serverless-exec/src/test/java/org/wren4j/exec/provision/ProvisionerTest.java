package org.wren4j.exec.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wren4j.exec.queue.MemoryTaskQueue;
import org.wren4j.exec.queue.TaskMessage;
import org.wren4j.spi.WorkerLauncher;

class ProvisionerTest {
    /** Counts launches; workers never exit. */
    private static final class Counting implements WorkerLauncher {
        int running;

        @Override
        public void launch(int count) {
            running += count;
        }

        @Override
        public int running() {
            return running;
        }

        @Override
        public double workerSeconds() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    private static List<TaskMessage> tasks(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new TaskMessage("j", "s0:" + i, 0)).toList();
    }

    @Test
    void tasksPrefetchedByTheFirstWorkerStillCallForASecond() {
        var queue = MemoryTaskQueue.driven(() -> 0);
        var launcher = new Counting();
        // pipeline width 2: one worker per two tasks
        var p = Provisioner.driven(queue, launcher, new ScalingPolicy(1, 2, 8, Duration.ofSeconds(1)));
        queue.send(tasks(1));
        p.step();
        assertThat(launcher.running()).isEqualTo(1);
        // the worker leases that task, then two more arrive and it prefetches one of them
        queue.lease(2, Duration.ofSeconds(30), Duration.ZERO);
        queue.send(tasks(2));
        queue.lease(1, Duration.ofSeconds(30), Duration.ZERO);
        // one visible task alone asks for ceil(1 / 2) = 1 worker: the late second worker;
        // with the two leased ones, three tasks ask for two
        p.step();
        assertThat(launcher.running()).isEqualTo(2);
        p.close();
    }

    @Test
    void aStaticPoolKeepsItsSizeWithoutWork() {
        var launcher = new Counting();
        var p = Provisioner.driven(MemoryTaskQueue.driven(() -> 0), launcher, new StaticPolicy(5, Duration.ofSeconds(1)));
        p.step();
        p.step();
        assertThat(launcher.running()).isEqualTo(5);
        p.close();
    }
}
