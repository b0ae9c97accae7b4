package org.wren4j.exec.state;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** {@link RuntimeState} in this process: lock-free maps, one per job. */
public final class MemoryRuntimeState implements RuntimeState {

    private static final class Job {
        final long total;
        final String secret;
        final AtomicLong completed = new AtomicLong();
        final ConcurrentHashMap<String, Boolean> done = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, AtomicInteger> remaining = new ConcurrentHashMap<>();
        final AtomicReference<JobStatus> status = new AtomicReference<>(JobStatus.RUNNING);
        final AtomicReference<String> error = new AtomicReference<>();
        final ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> counters = new ConcurrentHashMap<>();
        final java.util.concurrent.ConcurrentLinkedQueue<String> spans = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final AtomicInteger spanCount = new AtomicInteger();
        /** Remaining readers of each temporary tile some reader completed. */
        final ConcurrentHashMap<String, AtomicInteger> readers = new ConcurrentHashMap<>();
        final AtomicLong liveBytes = new AtomicLong();
        final AtomicLong peakLiveBytes = new AtomicLong();

        Job(long total, String secret) {
            this.total = total;
            this.secret = secret;
        }
    }

    private final ConcurrentHashMap<String, Job> jobs = new ConcurrentHashMap<>();

    private Job job(String jobId) {
        Job j = jobs.get(jobId);
        if (j == null) {
            throw new NoSuchElementException("unknown job " + jobId);
        }
        return j;
    }

    @Override
    public CompletionStage<Void> startJob(String jobId, long totalTasks, String secret) {
        java.util.Objects.requireNonNull(secret, "secret is null");
        Job j = new Job(totalTasks, secret);
        if (totalTasks == 0) {
            j.status.set(JobStatus.SUCCEEDED);
        }
        if (jobs.putIfAbsent(jobId, j) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("job " + jobId + " already exists"));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<String>> secret(String jobId) {
        Job j = jobs.get(jobId);
        return CompletableFuture.completedFuture(j == null || j.secret.isEmpty() ? Optional.empty() : Optional.of(j.secret));
    }

    @Override
    public CompletionStage<Boolean> isDone(String jobId, String taskKey) {
        return call(() -> job(jobId).done.containsKey(taskKey));
    }

    @Override
    public CompletionStage<Completion> complete(String jobId, String taskKey, List<ChildCount> children,
                                                long temporaryBytesWritten, List<TileReaders> temporaryInputs) {
        return call(() -> {
            Job j = job(jobId);
            var ready = new ArrayList<String>();
            var collected = new ArrayList<String>();
            if (j.done.putIfAbsent(taskKey, Boolean.TRUE) == null) {
                for (ChildCount c : children) {
                    if (counter(j, c).decrementAndGet() == 0) {
                        ready.add(c.taskKey());
                    }
                }
                // live bytes go up before any reader of these tiles can complete (they are children)
                if (temporaryBytesWritten > 0) {
                    add(j, "temp_bytes_written", temporaryBytesWritten);
                    j.peakLiveBytes.accumulateAndGet(j.liveBytes.addAndGet(temporaryBytesWritten), Math::max);
                }
                long freed = 0;
                for (TileReaders t : temporaryInputs) {
                    if (j.readers.computeIfAbsent(t.tileKey(), k -> new AtomicInteger(t.readers())).decrementAndGet() == 0) {
                        collected.add(t.tileKey());
                        freed += t.bytes();
                    }
                }
                if (!collected.isEmpty()) {
                    j.liveBytes.addAndGet(-freed);
                    add(j, "temp_tiles_collected", collected.size());
                    add(j, "temp_bytes_collected", freed);
                }
                if (j.completed.incrementAndGet() == j.total) {
                    j.status.compareAndSet(JobStatus.RUNNING, JobStatus.SUCCEEDED);
                }
            } else {
                for (ChildCount c : children) {
                    if (counter(j, c).get() == 0 && !j.done.containsKey(c.taskKey())) {
                        ready.add(c.taskKey());
                    }
                }
                for (TileReaders t : temporaryInputs) {
                    AtomicInteger left = j.readers.get(t.tileKey());
                    if (left != null && left.get() == 0) {
                        collected.add(t.tileKey());
                    }
                }
            }
            return new Completion(ready, collected);
        });
    }

    private static void add(Job j, String counter, long delta) {
        j.counters.computeIfAbsent(counter, x -> new java.util.concurrent.atomic.LongAdder()).add(delta);
    }

    private static AtomicInteger counter(Job j, ChildCount c) {
        return j.remaining.computeIfAbsent(c.taskKey(), k -> new AtomicInteger(c.parents()));
    }

    @Override
    public CompletionStage<Void> fail(String jobId, String error) {
        return call(() -> {
            Job j = job(jobId);
            if (j.status.compareAndSet(JobStatus.RUNNING, JobStatus.FAILED)) {
                j.error.set(error);
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Void> cancel(String jobId) {
        return call(() -> {
            job(jobId).status.compareAndSet(JobStatus.RUNNING, JobStatus.CANCELLED);
            return null;
        });
    }

    @Override
    public CompletionStage<JobState> state(String jobId) {
        return call(() -> {
            Job j = job(jobId);
            return new JobState(j.status.get(), j.completed.get(), j.total, Optional.ofNullable(j.error.get()));
        });
    }

    @Override
    public CompletionStage<Void> addCounters(String jobId, java.util.Map<String, Long> deltas) {
        return call(() -> {
            Job j = job(jobId);
            deltas.forEach((k, v) -> j.counters.computeIfAbsent(k, x -> new java.util.concurrent.atomic.LongAdder()).add(v));
            return null;
        });
    }

    @Override
    public CompletionStage<java.util.Map<String, Long>> counters(String jobId) {
        Job j = jobs.get(jobId);
        var out = new java.util.HashMap<String, Long>();
        if (j != null) {
            j.counters.forEach((k, v) -> out.put(k, v.sum()));
            if (j.peakLiveBytes.get() > 0) {
                out.put("temp_live_bytes", j.liveBytes.get());
                out.put("temp_peak_live_bytes", j.peakLiveBytes.get());
            }
        }
        return CompletableFuture.completedFuture(java.util.Map.copyOf(out));
    }

    @Override
    public CompletionStage<Void> addSpan(String jobId, String span) {
        return call(() -> {
            Job j = job(jobId);
            if (j.spanCount.getAndIncrement() < MAX_SPANS_PER_JOB) {
                j.spans.add(span);
            }
            return null;
        });
    }

    @Override
    public CompletionStage<List<String>> spans(String jobId) {
        Job j = jobs.get(jobId);
        return CompletableFuture.completedFuture(j == null ? List.of() : List.copyOf(j.spans));
    }

    @Override
    public CompletionStage<Void> retireJob(String jobId) {
        return deleteJob(jobId);
    }

    @Override
    public CompletionStage<Void> deleteJob(String jobId) {
        jobs.remove(jobId);
        return CompletableFuture.completedFuture(null);
    }

    private static <T> CompletionStage<T> call(java.util.function.Supplier<T> body) {
        try {
            return CompletableFuture.completedFuture(body.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        jobs.clear();
    }
}
