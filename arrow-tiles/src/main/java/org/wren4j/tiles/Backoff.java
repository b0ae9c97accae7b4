package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * How long to wait before retry {@code attempt} (1 for the first retry). Implementations are
 * stateless or per-use: {@link #newInstance()} is called once per retried operation so jittered
 * strategies can carry their own random state.
 */
@FunctionalInterface
public interface Backoff {

    Duration delay(int attempt);

    /** A backoff for one retried operation; stateless strategies return themselves. */
    default Backoff newInstance() {
        return this;
    }

    /** No wait between attempts (tests). */
    static Backoff none() {
        return attempt -> Duration.ZERO;
    }

    static Backoff constant(Duration delay) {
        requireNonNull(delay, "delay is null");
        return attempt -> delay;
    }

    /** {@code min(upper, lower * 2^(attempt-1))}. */
    static Backoff exponential(Duration lower, Duration upper) {
        checkBounds(lower, upper);
        return attempt -> cap(lower, upper, attempt);
    }

    /**
     * "Full jitter": a uniform random delay in {@code [0, min(upper, lower * 2^(attempt-1))]}, the
     * strategy that spreads a herd of throttled clients best. Each operation gets its own random
     * stream drawn from {@code seeds}.
     */
    static Backoff fullJitter(Duration lower, Duration upper, Supplier<SplittableRandom> seeds) {
        checkBounds(lower, upper);
        requireNonNull(seeds, "seeds is null");
        return new Backoff() {
            @Override
            public Duration delay(int attempt) {
                return newInstance().delay(attempt);
            }

            @Override
            public Backoff newInstance() {
                SplittableRandom random = seeds.get();
                return attempt -> Duration.ofNanos((long) (random.nextDouble() * cap(lower, upper, attempt).toNanos()));
            }
        };
    }

    /** Full jitter with a process-wide random source split per operation. */
    static Backoff fullJitter(Duration lower, Duration upper) {
        SplittableRandom root = new SplittableRandom();
        return fullJitter(lower, upper, () -> {
            synchronized (root) {
                return root.split();
            }
        });
    }

    private static Duration cap(Duration lower, Duration upper, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, got " + attempt);
        }
        int shift = Math.min(attempt - 1, 40);
        long nanos = lower.toNanos();
        return nanos > (upper.toNanos() >> shift) ? upper : Duration.ofNanos(nanos << shift);
    }

    private static void checkBounds(Duration lower, Duration upper) {
        requireNonNull(lower, "lower is null");
        requireNonNull(upper, "upper is null");
        if (lower.isNegative() || upper.compareTo(lower) < 0) {
            throw new IllegalArgumentException("need 0 <= lower <= upper, got " + lower + " and " + upper);
        }
    }
}
