package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Retries an asynchronous operation while it fails with {@link TransientStoreException}, waiting
 * {@link Backoff#delay} between attempts without blocking a thread. Any other failure is passed
 * through at once. When the attempts run out the operation fails with
 * {@link StoreUnavailableException} saying what was tried.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param backoff delay before each retry
 */
public record RetryPolicy(int maxAttempts, Backoff backoff) {

    /** 6 attempts, full jitter from 50 ms up to 5 s: rides out S3 throttling bursts. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Backoff.fullJitter(Duration.ofMillis(50), Duration.ofSeconds(5)));

    /** A single attempt. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Backoff.none());

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        requireNonNull(backoff, "backoff is null");
    }

    /**
     * Runs {@code operation} until it succeeds, fails permanently, or {@link #maxAttempts} is reached.
     *
     * @param what the operation and its target for error messages, e.g. {@code GET s3://b/k}
     */
    public <T> CompletionStage<T> execute(String what, Supplier<? extends CompletionStage<T>> operation) {
        requireNonNull(what, "what is null");
        requireNonNull(operation, "operation is null");
        var result = new CompletableFuture<T>();
        attempt(what, operation, backoff.newInstance(), 1, System.nanoTime(), new ArrayList<>(), result);
        return result;
    }

    private <T> void attempt(String what, Supplier<? extends CompletionStage<T>> operation, Backoff delays, int attempt,
                             long start, List<Throwable> failures, CompletableFuture<T> result) {
        CompletionStage<T> stage;
        try {
            stage = operation.get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable cause = unwrap(error);
            if (!(cause instanceof TransientStoreException)) {
                result.completeExceptionally(cause);
                return;
            }
            failures.add(cause);
            if (attempt >= maxAttempts) {
                result.completeExceptionally(exhausted(what, attempt, start, failures));
                return;
            }
            Duration delay = delays.delay(attempt);
            CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS)
                    .execute(() -> attempt(what, operation, delays, attempt + 1, start, failures, result));
        });
    }

    private static StoreUnavailableException exhausted(String what, int attempts, long start, List<Throwable> failures) {
        Throwable last = failures.get(failures.size() - 1);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        var e = new StoreUnavailableException(what + " failed after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                + " over " + millis + " ms; last error: " + last.getMessage(), last);
        failures.subList(0, failures.size() - 1).forEach(e::addSuppressed);
        return e;
    }

    /** Strips the {@link CompletionException} / {@link ExecutionException} wrappers of a failed stage. */
    public static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
