package org.wren4j.exec.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The contract of {@link RuntimeState}; every implementation runs it. */
public abstract class AbstractRuntimeStateTest {
    private static final AtomicInteger RUN = new AtomicInteger();

    protected RuntimeState state;
    /** A job id no other test (or earlier run on a shared server) uses. */
    protected String job;

    protected abstract RuntimeState newState();

    @BeforeEach
    void open(TestInfo info) {
        state = newState();
        job = info.getTestMethod().orElseThrow().getName() + "-" + ProcessHandle.current().pid() + "-" + RUN.incrementAndGet();
    }

    @AfterEach
    void closeState() {
        state.close();
    }

    protected static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    protected List<String> complete(String task, ChildCount... children) {
        return join(state.complete(job, task, List.of(children)));
    }

    protected JobState jobState() {
        return join(state.state(job));
    }

    private Completion gc(String task, long written, List<ChildCount> children, TileReaders... read) {
        return join(state.complete(job, task, children, written, List.of(read)));
    }

    @Test
    void temporaryTileIsCollectedWhenItsLastReaderCompletes() {
        join(state.startJob(job, 3));
        // w writes X (100 bytes), read by r1 and r2
        Completion w = gc("w", 100, List.of(new ChildCount("r1", 1), new ChildCount("r2", 1)));
        assertThat(w.ready()).containsExactlyInAnyOrder("r1", "r2");
        assertThat(w.collected()).isEmpty();
        assertThat(gc("r1", 0, List.of(), new TileReaders("X", 2, 100)).collected()).isEmpty();
        assertThat(gc("r2", 0, List.of(), new TileReaders("X", 2, 100)).collected()).containsExactly("X");
        assertThat(jobState().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(join(state.counters(job))).contains(Map.entry("temp_bytes_written", 100L), Map.entry("temp_live_bytes", 0L),
                Map.entry("temp_peak_live_bytes", 100L), Map.entry("temp_tiles_collected", 1L), Map.entry("temp_bytes_collected", 100L));
    }

    @Test
    void replayedCompletionDecrementsNothingAndReturnsTilesAlreadyAtZero() {
        join(state.startJob(job, 4));
        gc("w", 8, List.of());
        assertThat(gc("r1", 0, List.of(), new TileReaders("X", 2, 8)).collected()).isEmpty();
        // a duplicate delivery of r1: without the guard this second decrement would free X under r2
        assertThat(gc("r1", 0, List.of(), new TileReaders("X", 2, 8)).collected()).isEmpty();
        assertThat(gc("r2", 0, List.of(), new TileReaders("X", 2, 8)).collected()).containsExactly("X");
        // r2's worker died before deleting: its redelivery gets X again; the counters do not move
        assertThat(gc("r2", 0, List.of(), new TileReaders("X", 2, 0)).collected()).containsExactly("X");
        // a replay adds no written bytes either
        gc("w", 8, List.of());
        assertThat(join(state.counters(job))).contains(Map.entry("temp_tiles_collected", 1L), Map.entry("temp_bytes_written", 8L),
                Map.entry("temp_live_bytes", 0L));
        assertThat(jobState().completed()).isEqualTo(3);
    }

    @Test
    void peakLiveBytesIsTheHighestSumOfWrittenAndNotYetCollected() {
        join(state.startJob(job, 5));
        gc("w1", 10, List.of());
        gc("w2", 20, List.of());
        assertThat(gc("r1", 5, List.of(), new TileReaders("A", 1, 10), new TileReaders("B", 2, 20)).collected()).containsExactly("A");
        gc("w3", 3, List.of());
        assertThat(gc("r2", 0, List.of(), new TileReaders("B", 2, 20)).collected()).containsExactly("B");
        Map<String, Long> c = join(state.counters(job));
        assertThat(c).contains(Map.entry("temp_peak_live_bytes", 35L), Map.entry("temp_bytes_written", 38L),
                Map.entry("temp_live_bytes", 8L), Map.entry("temp_tiles_collected", 2L), Map.entry("temp_bytes_collected", 30L));
    }

    @Test
    void concurrentReadersOfOneTileCollectItExactlyOnce() throws Exception {
        int readers = 64;
        join(state.startJob(job, readers));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Future<Completion>>();
            for (int i = 0; i < readers; i++) {
                String task = "r" + i;
                String half = "Y" + (i % 2);
                calls.add(pool.submit(() -> gc(task, 0, List.of(), new TileReaders("X", readers, 1), new TileReaders(half, readers / 2, 1))));
            }
            int x = 0;
            int y = 0;
            for (Future<Completion> f : calls) {
                for (String tile : f.get().collected()) {
                    if (tile.equals("X")) {
                        x++;
                    } else {
                        y++;
                    }
                }
            }
            assertThat(x).isEqualTo(1);
            assertThat(y).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(join(state.counters(job))).contains(Map.entry("temp_tiles_collected", 3L));
    }

    @Test
    void countersAddUpAndGoWithTheJob() {
        join(state.startJob(job, 2));
        assertThat(join(state.counters(job))).isEmpty();
        join(state.addCounters(job, java.util.Map.of("executions", 1L, "bytes_read", 100L)));
        join(state.addCounters(job, java.util.Map.of("executions", 1L, "bytes_read", 28L, "repeated_executions", 1L)));
        assertThat(join(state.counters(job))).containsOnly(java.util.Map.entry("executions", 2L),
                java.util.Map.entry("bytes_read", 128L), java.util.Map.entry("repeated_executions", 1L));
        join(state.deleteJob(job));
        assertThat(join(state.counters(job))).isEmpty();
    }

    @Test
    void spansAreKeptInOrderUpToTheCapAndGoWithTheJob() {
        join(state.startJob(job, 1));
        assertThat(join(state.spans(job))).isEmpty();
        var appends = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < RuntimeState.MAX_SPANS_PER_JOB + 7; i++) {
            appends.add(state.addSpan(job, "span " + i).toCompletableFuture());
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
        List<String> spans = join(state.spans(job));
        assertThat(spans).hasSize(RuntimeState.MAX_SPANS_PER_JOB);
        assertThat(spans.get(0)).isEqualTo("span 0");
        assertThat(spans.get(1)).isEqualTo("span 1");
        join(state.deleteJob(job));
        assertThat(join(state.spans(job))).isEmpty();
    }

    @Test
    void childBecomesReadyWhenItsLastParentCompletes() {
        join(state.startJob(job, 3));
        assertThat(complete("a", new ChildCount("c", 2))).isEmpty();
        assertThat(complete("b", new ChildCount("c", 2))).containsExactly("c");
        assertThat(jobState().completed()).isEqualTo(2);
        assertThat(jobState().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(complete("c")).isEmpty();
        JobState s = jobState();
        assertThat(s.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(s.completed()).isEqualTo(3);
        assertThat(s.total()).isEqualTo(3);
        assertThat(s.error()).isEmpty();
    }

    @Test
    void replayReturnsReadyChildrenButCountsNothingTwice() {
        join(state.startJob(job, 10));
        assertThat(complete("a", new ChildCount("b", 1), new ChildCount("c", 2))).containsExactly("b");
        // the worker died before enqueuing b; the redelivered a replays the completion
        assertThat(complete("a", new ChildCount("b", 1), new ChildCount("c", 2))).containsExactly("b");
        assertThat(jobState().completed()).isEqualTo(1);
        // c still waits for its other parent: not returned, counter not decremented twice
        assertThat(complete("x", new ChildCount("c", 2))).containsExactly("c");
        // once b is done, replaying a no longer returns it
        complete("b");
        assertThat(complete("a", new ChildCount("b", 1), new ChildCount("c", 2))).containsExactly("c");
        assertThat(join(state.isDone(job, "b"))).isTrue();
        assertThat(join(state.isDone(job, "c"))).isFalse();
        assertThat(jobState().completed()).isEqualTo(3);
    }

    @Test
    void replayOfTheLastTaskDoesNotCountAgain() {
        join(state.startJob(job, 1));
        assertThat(complete("only")).isEmpty();
        assertThat(complete("only")).isEmpty();
        assertThat(jobState()).isEqualTo(new JobState(JobStatus.SUCCEEDED, 1, 1, java.util.Optional.empty()));
    }

    @Test
    void firstErrorWins() {
        join(state.startJob(job, 5));
        join(state.fail(job, "first"));
        join(state.fail(job, "second"));
        join(state.cancel(job));
        JobState s = jobState();
        assertThat(s.status()).isEqualTo(JobStatus.FAILED);
        assertThat(s.error()).contains("first");
    }

    @Test
    void finalStatusesStay() {
        join(state.startJob(job, 1));
        complete("t");
        join(state.fail(job, "too late"));
        join(state.cancel(job));
        assertThat(jobState().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobState().error()).isEmpty();

        String other = job + "-c";
        join(state.startJob(other, 2));
        join(state.cancel(other));
        join(state.fail(other, "after cancel"));
        // completing after a cancel still counts, but does not resurrect the job
        join(state.complete(other, "a", List.of()));
        join(state.complete(other, "b", List.of()));
        JobState s = join(state.state(other));
        assertThat(s.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(s.completed()).isEqualTo(2);
        assertThat(s.error()).isEmpty();
        join(state.deleteJob(other));
    }

    @Test
    void emptyJobSucceedsAtOnce() {
        join(state.startJob(job, 0));
        assertThat(jobState()).isEqualTo(new JobState(JobStatus.SUCCEEDED, 0, 0, java.util.Optional.empty()));
    }

    @Test
    void startingAJobTwiceFails() {
        join(state.startJob(job, 2));
        assertThatThrownBy(() -> join(state.startJob(job, 2)))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(jobState().total()).isEqualTo(2);
    }

    @Test
    void unknownJobIsAnError() {
        assertThatThrownBy(() -> jobState()).hasCauseInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> complete("a")).hasCauseInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> join(state.isDone(job, "a"))).hasCauseInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> join(state.fail(job, "x"))).hasCauseInstanceOf(NoSuchElementException.class);
    }

    @Test
    void deleteForgetsTheJob() {
        join(state.startJob(job, 2));
        complete("a", new ChildCount("b", 1));
        join(state.deleteJob(job));
        assertThatThrownBy(() -> jobState()).hasCauseInstanceOf(NoSuchElementException.class);
        // the id can be used again, from scratch
        join(state.startJob(job, 2));
        assertThat(complete("a", new ChildCount("b", 1))).containsExactly("b");
        assertThat(jobState().completed()).isEqualTo(1);
        join(state.deleteJob(job));
    }

    @Test
    void jobsDoNotShareTasks() {
        String other = job + "-other";
        join(state.startJob(job, 2));
        join(state.startJob(other, 2));
        assertThat(complete("a", new ChildCount("b", 1))).containsExactly("b");
        assertThat(join(state.isDone(other, "a"))).isFalse();
        assertThat(join(state.complete(other, "a", List.of(new ChildCount("b", 1))))).containsExactly("b");
        assertThat(join(state.state(other)).completed()).isEqualTo(1);
        join(state.deleteJob(other));
    }

    @Test
    void keysAreTakenLiterally() {
        join(state.startJob(job, 3));
        String odd = "chol(0) {x}:\"'\\ \u00e9";
        assertThat(complete(odd, new ChildCount("*", 1), new ChildCount("", 2))).containsExactly("*");
        assertThat(join(state.isDone(job, odd))).isTrue();
        assertThat(join(state.isDone(job, "*"))).isFalse();
    }

    /** A random DAG whose parents complete on many threads: each child comes back exactly once. */
    @Test
    void concurrentCompletionsReturnEveryChildExactlyOnce() throws Exception {
        var dag = Dag.random(new SplittableRandom(7), 400, 300);
        join(state.startJob(job, dag.parents.size() + dag.childParents.size()));
        var returned = new ConcurrentHashMap<String, AtomicInteger>();
        var next = new AtomicInteger();
        runOnThreads(8, () -> {
            int i;
            while ((i = next.getAndIncrement()) < dag.parents.size()) {
                String p = dag.parents.get(i);
                for (String c : join(state.complete(job, p, dag.children(p)))) {
                    returned.computeIfAbsent(c, k -> new AtomicInteger()).incrementAndGet();
                }
            }
        });
        assertThat(returned.keySet()).isEqualTo(dag.childParents.keySet());
        assertThat(returned.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(jobState().completed()).isEqualTo(dag.parents.size());
    }

    /** Every completion delivered twice, concurrently: nothing counts twice and no child is lost. */
    @Test
    void concurrentDuplicateCompletionsLoseNothing() throws Exception {
        var dag = Dag.random(new SplittableRandom(11), 200, 150);
        join(state.startJob(job, dag.parents.size() + dag.childParents.size()));
        List<String> twice = new ArrayList<>(dag.parents);
        twice.addAll(dag.parents);
        java.util.Collections.shuffle(twice, new java.util.Random(5));
        Set<String> returned = ConcurrentHashMap.newKeySet();
        var next = new AtomicInteger();
        runOnThreads(8, () -> {
            int i;
            while ((i = next.getAndIncrement()) < twice.size()) {
                String p = twice.get(i);
                returned.addAll(join(state.complete(job, p, dag.children(p))));
            }
        });
        assertThat(returned).isEqualTo(dag.childParents.keySet());
        assertThat(jobState().completed()).isEqualTo(dag.parents.size());
        // children complete: the job succeeds, and replays of parents return nothing any more
        for (String c : dag.childParents.keySet()) {
            join(state.complete(job, c, List.of()));
        }
        assertThat(jobState().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(complete(dag.parents.get(0), dag.children(dag.parents.get(0)).toArray(ChildCount[]::new))).isEmpty();
    }

    private static void runOnThreads(int threads, Runnable body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(body));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Parents p0..pn and children each with 1-4 random parents. */
    record Dag(List<String> parents, Map<String, Set<String>> childParents, Map<String, List<String>> parentChildren) {
        static Dag random(SplittableRandom r, int parentCount, int childCount) {
            var parents = new ArrayList<String>();
            for (int i = 0; i < parentCount; i++) {
                parents.add("p" + i);
            }
            var childParents = new java.util.HashMap<String, Set<String>>();
            var parentChildren = new java.util.HashMap<String, List<String>>();
            for (int c = 0; c < childCount; c++) {
                var ps = new HashSet<String>();
                int k = 1 + r.nextInt(4);
                while (ps.size() < k) {
                    ps.add(parents.get(r.nextInt(parentCount)));
                }
                childParents.put("c" + c, ps);
                for (String p : ps) {
                    parentChildren.computeIfAbsent(p, x -> new ArrayList<>()).add("c" + c);
                }
            }
            return new Dag(parents, childParents, parentChildren);
        }

        List<ChildCount> children(String parent) {
            return parentChildren.getOrDefault(parent, List.of()).stream()
                    .map(c -> new ChildCount(c, childParents.get(c).size())).toList();
        }
    }
}
