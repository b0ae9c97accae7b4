package org.wren4j.exec.worker;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a worker behaves: tasks in flight at once ({@code pipelineWidth}), lease length, how long
 * it waits idle before exiting, attempts before a task fails its job, the retry backoff base, and
 * how long it may run at most ({@code maxRuntime}: it stops leasing before then, finishes what
 * it holds and exits, so a platform limit such as Lambda's 15 minutes never cuts a task), and
 * whether it runs a ready-on-completion child ahead from the outputs in hand ({@link RunAhead}),
 * and how long service outages are ridden out ({@link FaultTimeouts}: by default derived from
 * the lease). A task that keeps failing fails its job only after {@code maxAttempts} deliveries
 * AND, when a service call is to blame, once it has failed for the whole retry window.
 */
public record WorkerConfig(int pipelineWidth, Duration visibility, Duration idleTimeout, int maxAttempts, Duration retryBase,
                           Duration maxRuntime, boolean runAhead, FaultTimeouts faults) {
    /** No runtime limit. */
    public static final Duration UNLIMITED = Duration.ofDays(3650);
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    /** Fault timeouts derived from {@code visibility} ({@link FaultTimeouts#forLease}). */
    public WorkerConfig(int pipelineWidth, Duration visibility, Duration idleTimeout, int maxAttempts, Duration retryBase,
                        Duration maxRuntime, boolean runAhead) {
        this(pipelineWidth, visibility, idleTimeout, maxAttempts, retryBase, maxRuntime, runAhead,
                FaultTimeouts.forLease(requireNonNull(visibility, "visibility is null")));
    }

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
        requireNonNull(faults, "faults is null");
        if (pipelineWidth < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("pipelineWidth and maxAttempts must be >= 1");
        }
        if (visibility.toMillis() < 100) {
            throw new IllegalArgumentException("visibility must be at least 100 ms, got " + visibility);
        }
        if (faults.stallTimeout().compareTo(visibility) <= 0) {
            throw new IllegalArgumentException("the stall timeout (" + faults.stallTimeout() + ") must be longer than the lease (" + visibility
                    + "): a task running for its whole lease is not a stall");
        }
    }

    public static WorkerConfig defaults() {
        return new WorkerConfig(2, DEFAULT_LEASE, Duration.ofSeconds(2), 5, Duration.ofMillis(100));
    }

    public WorkerConfig withMaxRuntime(Duration limit) {
        return new WorkerConfig(pipelineWidth, visibility, idleTimeout, maxAttempts, retryBase, limit, runAhead, faults);
    }

    /** This config with running ahead ({@link RunAhead}) on or off. */
    public WorkerConfig withRunAhead(boolean on) {
        return new WorkerConfig(pipelineWidth, visibility, idleTimeout, maxAttempts, retryBase, maxRuntime, on, faults);
    }

    /** This config with these fault timeouts (their order against the lease is checked). */
    public WorkerConfig withFaults(FaultTimeouts f) {
        return new WorkerConfig(pipelineWidth, visibility, idleTimeout, maxAttempts, retryBase, maxRuntime, runAhead, f);
    }

    /**
     * Exponential backoff with jitter for the {@code delivery}-th failed attempt, at most
     * {@link FaultTimeouts#maxBackoff()}: retries keep coming through a whole outage window.
     */
    public Duration backoff(int delivery, RandomGenerator random) {
        return Backoff.delay(delivery, retryBase, faults.maxBackoff(), random);
    }
}
