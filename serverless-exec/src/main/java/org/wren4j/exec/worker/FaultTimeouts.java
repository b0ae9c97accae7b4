package org.wren4j.exec.worker;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long a job rides out an unreachable service, in one place. Create with {@link #create()}
 * for the defaults, {@link #builder()} to choose, or {@link #mutate()} to change a copy.
 *
 * <p>The windows are ordered, and the order is checked: {@code retryWindow < stallTimeout}.
 * <ul>
 *   <li>{@code retryWindow} (default {@value #DEFAULT_RETRY_WINDOW_SECONDS} s): how long a worker keeps
 *       retrying one failing queue, state or store call (with backoff) before it gives the task
 *       back, or gives up a task that keeps failing. A service restart or freeze shorter than this
 *       is survived without a failed job.</li>
 *   <li>{@code stallTimeout} (default {@code max(3 x lease, 2 x retryWindow)}: 90 s with the
 *       default 30 s lease, 60 s with leases up to 20 s): how long the client waits for the next completed task of a running
 *       job before failing it with a line naming the service that stopped answering. It must
 *       exceed the retry window, or a survivable outage would fail the job, and the longest task.</li>
 * </ul>
 *
 * @param retryWindow  how long calls to one service are retried
 * @param stallTimeout how long a running job may go without a completed task
 */
public record FaultTimeouts(Duration retryWindow, Duration stallTimeout) {
    static final long DEFAULT_RETRY_WINDOW_SECONDS = 30;
    public static final Duration DEFAULT_RETRY_WINDOW = Duration.ofSeconds(DEFAULT_RETRY_WINDOW_SECONDS);
    /** Lease periods without progress before a job counts as stalled, at least. */
    public static final int STALL_LEASES = 3;

    public FaultTimeouts {
        requireNonNull(retryWindow, "retryWindow is null");
        requireNonNull(stallTimeout, "stallTimeout is null");
        if (retryWindow.isNegative() || retryWindow.isZero()) {
            throw new IllegalArgumentException("retryWindow must be positive, got " + retryWindow);
        }
        if (stallTimeout.compareTo(retryWindow) <= 0) {
            throw new IllegalArgumentException("stallTimeout (" + stallTimeout + ") must be longer than retryWindow (" + retryWindow
                    + "): a service outage the workers still ride out would otherwise fail the job");
        }
    }

    /** The default stall timeout for a lease and a retry window: {@code max(3 x lease, 2 x retryWindow)}. */
    public static Duration defaultStallTimeout(Duration lease, Duration retryWindow) {
        requireNonNull(lease, "lease is null");
        requireNonNull(retryWindow, "retryWindow is null");
        Duration leases = lease.multipliedBy(STALL_LEASES);
        Duration retries = retryWindow.multipliedBy(2);
        return leases.compareTo(retries) > 0 ? leases : retries;
    }

    /** The defaults for the default lease of {@link WorkerConfig#defaults()}. */
    public static FaultTimeouts create() {
        return builder().build();
    }

    /** The defaults for a worker whose lease is {@code lease}. */
    public static FaultTimeouts forLease(Duration lease) {
        return builder().lease(lease).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder mutate() {
        return new Builder().retryWindow(retryWindow).stallTimeout(stallTimeout);
    }

    /** The longest backoff between two retries: a quarter of the window, so a window holds several tries. */
    public Duration maxBackoff() {
        return retryWindow.dividedBy(4);
    }

    public static final class Builder {
        private Duration lease = WorkerConfig.DEFAULT_LEASE;
        private Duration retryWindow = DEFAULT_RETRY_WINDOW;
        private Duration stallTimeout;

        private Builder() {
        }

        /** The lease the default stall timeout is derived from (unless one is set). */
        public Builder lease(Duration lease) {
            this.lease = requireNonNull(lease, "lease is null");
            return this;
        }

        public Builder retryWindow(Duration window) {
            this.retryWindow = requireNonNull(window, "window is null");
            return this;
        }

        /** An explicit stall timeout; unset, {@link #defaultStallTimeout}. */
        public Builder stallTimeout(Duration timeout) {
            this.stallTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public FaultTimeouts build() {
            return new FaultTimeouts(retryWindow, stallTimeout != null ? stallTimeout : defaultStallTimeout(lease, retryWindow));
        }
    }
}
