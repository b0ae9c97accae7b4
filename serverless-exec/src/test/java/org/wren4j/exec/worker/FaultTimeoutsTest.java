package org.wren4j.exec.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FaultTimeoutsTest {
    @Test
    void defaultsAreOrderedRetryWindowBeforeStallTimeout() {
        FaultTimeouts d = FaultTimeouts.create();
        assertThat(d.retryWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.stallTimeout()).isEqualTo(Duration.ofSeconds(90)); // 3 leases of 30 s
        assertThat(WorkerConfig.defaults().faults()).isEqualTo(d);
    }

    @Test
    void defaultStallTimeoutIsThreeLeasesWhenThoseAreLonger() {
        assertThat(FaultTimeouts.forLease(Duration.ofSeconds(40)).stallTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(FaultTimeouts.forLease(Duration.ofSeconds(3)).stallTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void stallTimeoutNotLongerThanTheRetryWindowIsRejected() {
        assertThatThrownBy(() -> FaultTimeouts.builder().retryWindow(Duration.ofSeconds(30)).stallTimeout(Duration.ofSeconds(30)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stallTimeout (PT30S) must be longer than retryWindow (PT30S)");
    }

    @Test
    void stallTimeoutNotLongerThanTheLeaseIsRejected() {
        var faults = FaultTimeouts.builder().retryWindow(Duration.ofSeconds(1)).stallTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> new WorkerConfig(2, Duration.ofSeconds(10), Duration.ofSeconds(1), 3, Duration.ofMillis(10)).withFaults(faults))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be longer than the lease");
    }

    @Test
    void mutateKeepsTheValues() {
        var f = FaultTimeouts.builder().retryWindow(Duration.ofSeconds(5)).stallTimeout(Duration.ofSeconds(20)).build();
        assertThat(f.mutate().build()).isEqualTo(f);
        assertThat(f.mutate().retryWindow(Duration.ofSeconds(6)).build().stallTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void backoffGrowsFromTheBaseAndStaysUnderTheCap() {
        var random = new SplittableRandom(1);
        Duration base = Duration.ofMillis(100);
        Duration cap = Duration.ofSeconds(2);
        for (int attempt = 1; attempt <= 40; attempt++) {
            long limit = Math.min(2000, 100L << Math.min(attempt - 1, 20));
            long d = Backoff.delay(attempt, base, cap, random).toMillis();
            assertThat(d).as("attempt %d", attempt).isBetween(limit / 2, limit);
        }
        assertThatThrownBy(() -> Backoff.delay(0, base, cap, random)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workerBackoffIsCappedByTheRetryWindow() {
        var config = WorkerConfig.defaults().withFaults(FaultTimeouts.builder().retryWindow(Duration.ofSeconds(8)).build());
        assertThat(config.backoff(30, new SplittableRandom(2))).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }
}
