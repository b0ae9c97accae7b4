package org.wren4j.tiles;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.wren4j.spi.ObjectStore;

/**
 * Wraps any {@link ObjectStore} and injects delays and transient failures, for fault tests of
 * the layers above. Failures are {@link TransientStoreException}s: either the call never reaches
 * the store, or (a "lost response") a write takes effect and its answer is lost. Decisions come
 * from one seeded random stream, so a given sequence of calls meets the same faults every run.
 */
public class FaultInjectingObjectStore extends ForwardingObjectStore {

    /** The calls faults can be injected into. */
    public enum Operation { PUT_IF_ABSENT, PUT, GET, DELETE, LIST }

    /**
     * @param failureRate fraction of calls that fail before reaching the store
     * @param lostResponseRate fraction of writes that take effect but then fail
     * @param minDelay lower bound of the delay added to every call
     * @param maxDelay upper bound (uniform between the two)
     * @param operations the calls subject to faults and delays
     */
    public record Options(long seed, double failureRate, double lostResponseRate, Duration minDelay, Duration maxDelay,
                          Set<Operation> operations) {
        public Options {
            requireNonNull(minDelay, "minDelay is null");
            requireNonNull(maxDelay, "maxDelay is null");
            operations = Set.copyOf(requireNonNull(operations, "operations is null"));
            checkRate("failureRate", failureRate);
            checkRate("lostResponseRate", lostResponseRate);
            if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
                throw new IllegalArgumentException("need 0 <= minDelay <= maxDelay, got " + minDelay + " and " + maxDelay);
            }
        }

        public static Builder builder() {
            return new Builder();
        }

        private static void checkRate(String name, double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1], got " + rate);
            }
        }
    }

    /** Defaults: seed 0, no faults, no delay, every operation. */
    public static final class Builder {
        private long seed;
        private double failureRate;
        private double lostResponseRate;
        private Duration minDelay = Duration.ZERO;
        private Duration maxDelay = Duration.ZERO;
        private Set<Operation> operations = EnumSet.allOf(Operation.class);

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder failureRate(double value) {
            failureRate = value;
            return this;
        }

        public Builder lostResponseRate(double value) {
            lostResponseRate = value;
            return this;
        }

        public Builder delay(Duration min, Duration max) {
            minDelay = min;
            maxDelay = max;
            return this;
        }

        public Builder operations(Set<Operation> value) {
            operations = value;
            return this;
        }

        public Options build() {
            return new Options(seed, failureRate, lostResponseRate, minDelay, maxDelay, operations);
        }
    }

    private final Options options;
    private final SplittableRandom random;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();
    private final AtomicLong scriptedFailures = new AtomicLong();

    public FaultInjectingObjectStore(ObjectStore delegate, Options options) {
        super(delegate);
        this.options = requireNonNull(options, "options is null");
        this.random = new SplittableRandom(options.seed());
    }

    /** Makes the next {@code count} calls subject to faults fail, regardless of the rates. */
    public void failNext(int count) {
        scriptedFailures.addAndGet(count);
    }

    /** Calls made so far. */
    public long calls() {
        return calls.get();
    }

    /** Faults injected so far (failures and lost responses). */
    public long injectedFaults() {
        return injected.get();
    }

    @Override
    public CompletionStage<PutResult> putIfAbsent(String key, byte[] bytes) {
        return inject(Operation.PUT_IF_ABSENT, key, true, () -> delegate().putIfAbsent(key, bytes));
    }

    @Override
    public CompletionStage<Void> put(String key, byte[] bytes) {
        return inject(Operation.PUT, key, true, () -> delegate().put(key, bytes));
    }

    @Override
    public CompletionStage<Optional<byte[]>> get(String key) {
        return inject(Operation.GET, key, false, () -> delegate().get(key));
    }

    @Override
    public CompletionStage<Void> delete(String key) {
        return inject(Operation.DELETE, key, true, () -> delegate().delete(key));
    }

    @Override
    public CompletionStage<List<String>> list(String prefix) {
        return inject(Operation.LIST, prefix, false, () -> delegate().list(prefix));
    }

    private enum Fault { NONE, FAIL, LOSE_RESPONSE }

    private <T> CompletionStage<T> inject(Operation op, String key, boolean write, Supplier<CompletionStage<T>> call) {
        long n = calls.incrementAndGet();
        if (!options.operations().contains(op)) {
            return call.get();
        }
        Fault fault;
        long delayNanos;
        synchronized (random) {
            double roll = random.nextDouble();
            double span = options.maxDelay().toNanos() - options.minDelay().toNanos();
            delayNanos = options.minDelay().toNanos() + (long) (random.nextDouble() * span);
            if (scriptedFailures.getAndUpdate(v -> Math.max(0, v - 1)) > 0 || roll < options.failureRate()) {
                fault = Fault.FAIL;
            } else if (write && roll < options.failureRate() + options.lostResponseRate()) {
                fault = Fault.LOSE_RESPONSE;
            } else {
                fault = Fault.NONE;
            }
        }
        Executor after = delayNanos > 0 ? CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS) : Runnable::run;
        return CompletableFuture.runAsync(() -> { }, after).thenCompose(ignored -> switch (fault) {
            case NONE -> call.get();
            case FAIL -> CompletableFuture.failedFuture(fault(n, "failed", op, key));
            case LOSE_RESPONSE -> call.get().thenCompose(r -> CompletableFuture.<T>failedFuture(fault(n, "lost the response of", op, key)));
        });
    }

    private TransientStoreException fault(long call, String what, Operation op, String key) {
        injected.incrementAndGet();
        return new TransientStoreException("injected fault on call " + call + ": " + what + " " + op + " " + key + " on " + describe());
    }

    @Override
    public String describe() {
        return "faulty(" + delegate().describe() + ")";
    }
}
