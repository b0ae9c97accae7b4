package org.wren4j.exec.worker;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a worker behaves: tasks in flight at once ({@code pipelineWidth}), lease length, how long
 * it waits idle before exiting, attempts before a task fails its job, the retry backoff base, and
 * how long it may run at most ({@code maxRuntime}: it stops leasing before then, finishes what
 * it holds and exits, so a platform limit such as Lambda's 15 minutes never cuts a task), and
 * whether it runs a ready-on-completion child ahead from the outputs in hand ({@link RunAhead}).
 */
public record WorkerConfig(int pipelineWidth, Duration visibility, Duration idleTimeout, int maxAttempts, Duration retryBase,
                           Duration maxRuntime, boolean runAhead) {
    /** No runtime limit. */
    public static final Duration UNLIMITED = Duration.ofDays(3650);

    public WorkerConfig(int pipelineWidth, Duration visibility, Duration idleTimeout, int maxAttempts, Duration retryBase) {
        this(pipelineWidth, visibility, idleTimeout, maxAttempts, retryBase, UNLIMITED);
    }

    /** Runs ahead as {@link RunAhead#DEFAULT} says (off, unless {@code -Dwren4j.runAhead=true}). */
    public WorkerConfig(int pipelineWidth, Duration visibility, Duration idleTimeout, int maxAttempts, Duration retryBase,
                        Duration maxRuntime) {
        this(pipelineWidth, visibility, idleTimeout, maxAttempts, retryBase, maxRuntime, RunAhead.DEFAULT);
    }

    public WorkerConfig {
        requireNonNull(maxRuntime, "maxRuntime is null");
        requireNonNull(visibility, "visibility is null");
        requireNonNull(idleTimeout, "idleTimeout is null");
        requireNonNull(retryBase, "retryBase is null");
        if (pipelineWidth < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("pipelineWidth and maxAttempts must be >= 1");
        }
        if (visibility.toMillis() < 100) {
            throw new IllegalArgumentException("visibility must be at least 100 ms, got " + visibility);
        }
    }

    public static WorkerConfig defaults() {
        return new WorkerConfig(2, Duration.ofSeconds(30), Duration.ofSeconds(2), 5, Duration.ofMillis(100));
    }

    public WorkerConfig withMaxRuntime(Duration limit) {
        return new WorkerConfig(pipelineWidth, visibility, idleTimeout, maxAttempts, retryBase, limit, runAhead);
    }

    /** This config with running ahead ({@link RunAhead}) on or off. */
    public WorkerConfig withRunAhead(boolean on) {
        return new WorkerConfig(pipelineWidth, visibility, idleTimeout, maxAttempts, retryBase, maxRuntime, on);
    }

    /** Exponential backoff with full jitter for the {@code delivery}-th failed attempt. */
    public Duration backoff(int delivery, java.util.random.RandomGenerator random) {
        long cap = retryBase.toMillis() << Math.min(delivery - 1, 10);
        return Duration.ofMillis(cap / 2 + random.nextLong(cap / 2 + 1));
    }
}
