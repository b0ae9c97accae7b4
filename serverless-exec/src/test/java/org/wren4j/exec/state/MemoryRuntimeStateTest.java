package org.wren4j.exec.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryRuntimeStateTest {
    private final RuntimeState state = new MemoryRuntimeState();

    private List<String> complete(String task, ChildCount... children) {
        return state.complete("j", task, List.of(children)).toCompletableFuture().join();
    }

    @Test
    void childBecomesReadyWhenItsLastParentCompletes() {
        state.startJob("j", 3).toCompletableFuture().join();
        assertThat(complete("a", new ChildCount("c", 2))).isEmpty();
        assertThat(complete("b", new ChildCount("c", 2))).containsExactly("c");
        assertThat(state.state("j").toCompletableFuture().join().completed()).isEqualTo(2);
        assertThat(complete("c")).isEmpty();
        JobState s = state.state("j").toCompletableFuture().join();
        assertThat(s.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(s.completed()).isEqualTo(3);
    }

    @Test
    void replayReturnsReadyChildrenButCountsNothingTwice() {
        state.startJob("j", 10).toCompletableFuture().join();
        assertThat(complete("a", new ChildCount("b", 1), new ChildCount("c", 2))).containsExactly("b");
        // the worker died before enqueuing b; the redelivered a replays the completion
        assertThat(complete("a", new ChildCount("b", 1), new ChildCount("c", 2))).containsExactly("b");
        assertThat(state.state("j").toCompletableFuture().join().completed()).isEqualTo(1);
        // c still waits for its other parent: not returned, counter not decremented twice
        assertThat(complete("x", new ChildCount("c", 2))).containsExactly("c");
        // once b is done, replaying a no longer returns it
        complete("b");
        assertThat(complete("a", new ChildCount("b", 1), new ChildCount("c", 2))).containsExactly("c");
        assertThat(state.isDone("j", "b").toCompletableFuture().join()).isTrue();
    }

    @Test
    void firstErrorWins() {
        state.startJob("j", 5).toCompletableFuture().join();
        state.fail("j", "first").toCompletableFuture().join();
        state.fail("j", "second").toCompletableFuture().join();
        JobState s = state.state("j").toCompletableFuture().join();
        assertThat(s.status()).isEqualTo(JobStatus.FAILED);
        assertThat(s.error()).contains("first");
    }
}
