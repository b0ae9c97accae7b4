package org.wren4j.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void exponentialDoublesUpToTheCap() {
        Backoff b = Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(100));
        assertThat(b.delay(1)).isEqualTo(Duration.ofMillis(10));
        assertThat(b.delay(2)).isEqualTo(Duration.ofMillis(20));
        assertThat(b.delay(4)).isEqualTo(Duration.ofMillis(80));
        assertThat(b.delay(5)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.delay(500)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void fullJitterStaysUnderTheExponentialCapAndIsSeeded() {
        Backoff b = Backoff.fullJitter(Duration.ofMillis(10), Duration.ofSeconds(1), () -> new SplittableRandom(7));
        Backoff one = b.newInstance();
        Backoff two = b.newInstance();
        long distinct = 0;
        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration d = one.delay(attempt);
            assertThat(d).isEqualTo(two.delay(attempt));
            Duration cap = Backoff.exponential(Duration.ofMillis(10), Duration.ofSeconds(1)).delay(attempt);
            assertThat(d).isBetween(Duration.ZERO, cap);
            distinct += d.equals(cap) ? 0 : 1;
        }
        assertThat(distinct).isGreaterThan(6);
    }

    @Test
    void rejectsBadBounds() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower <= upper");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, Duration.ZERO).delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
