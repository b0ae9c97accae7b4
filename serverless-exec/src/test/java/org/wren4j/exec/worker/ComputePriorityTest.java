package org.wren4j.exec.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A worker's thread, and only it, runs at the compute priority (this project builds and runs on Linux). */
class ComputePriorityTest {
    private static int currentNice() throws Exception {
        return ComputePriority.niceOf(Files.readString(Path.of("/proc/thread-self/stat")));
    }

    @Test
    void theCallingThreadGetsTheComputePriorityAndOtherThreadsKeepTheirs() throws Exception {
        int before = currentNice();
        var after = new AtomicReference<Integer>();
        var changed = new AtomicReference<Boolean>();
        Thread t = new Thread(() -> {
            changed.set(ComputePriority.lowerCurrentThread());
            try {
                after.set(currentNice());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        t.join();
        assertThat(changed.get()).as("renice of the worker thread").isTrue();
        assertThat(after.get()).isEqualTo(Math.max(before, ComputePriority.NICE)).isPositive();
        assertThat(currentNice()).as("the test's own thread").isEqualTo(before);
    }

    @Test
    void readsTheNiceFieldEvenWhenTheThreadNameHasSpacesAndParentheses() {
        String stat = "4242 (a (b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 7 1 0 12345 1000 100";
        assertThat(ComputePriority.niceOf(stat)).isEqualTo(7);
    }
}
