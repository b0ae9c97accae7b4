package org.wren4j.exec.worker;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with jitter: the {@code attempt}-th retry waits between half and all of {@code min(cap, base * 2^(attempt-1))}. */
public final class Backoff {
    private Backoff() {
    }

    public static Duration delay(int attempt, Duration base, Duration cap, RandomGenerator random) {
        requireNonNull(base, "base is null");
        requireNonNull(cap, "cap is null");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, got " + attempt);
        }
        long baseMillis = Math.max(1, base.toMillis());
        long capMillis = Math.max(baseMillis, cap.toMillis());
        long grown = baseMillis << Math.min(attempt - 1, 20);
        long limit = Math.min(capMillis, grown);
        return Duration.ofMillis(limit / 2 + random.nextLong(limit - limit / 2 + 1));
    }
}
