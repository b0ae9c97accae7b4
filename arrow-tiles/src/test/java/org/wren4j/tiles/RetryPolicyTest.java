package org.wren4j.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final List<Integer> delaysAsked = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(4, attempt -> {
        delaysAsked.add(attempt);
        return Duration.ofMillis(1);
    });

    @Test
    void retriesTransientFailuresUntilSuccess() {
        var calls = new AtomicInteger();
        String result = policy.execute("GET k", () -> calls.incrementAndGet() < 3
                ? CompletableFuture.failedFuture(new TransientStoreException("503 SlowDown"))
                : CompletableFuture.completedFuture("ok")).toCompletableFuture().join();
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(delaysAsked).containsExactly(1, 2);
    }

    @Test
    void givesUpWithWhatWasTried() {
        var calls = new AtomicInteger();
        assertThatThrownBy(() -> policy.execute("GET s3://b/k", () -> {
            calls.incrementAndGet();
            return CompletableFuture.failedFuture(new TransientStoreException("connection refused"));
        }).toCompletableFuture().join())
                .hasCauseInstanceOf(StoreUnavailableException.class)
                .cause().hasMessageContaining("GET s3://b/k failed after 4 attempts").hasMessageContaining("connection refused")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(3));
        assertThat(calls).hasValue(4);
    }

    @Test
    void permanentFailuresAreNotRetried() {
        var calls = new AtomicInteger();
        assertThatThrownBy(() -> policy.execute("GET k", () -> {
            calls.incrementAndGet();
            throw new CorruptTileException("bad");
        }).toCompletableFuture().join()).hasCauseInstanceOf(CorruptTileException.class);
        assertThat(calls).hasValue(1);
    }
}
