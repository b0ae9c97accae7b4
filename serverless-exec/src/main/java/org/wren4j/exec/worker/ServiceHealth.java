package org.wren4j.exec.worker;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.wren4j.tiles.RetryPolicy;

/**
 * The last service error seen by the workers and the client of one process, per service, for as
 * long as that service has not answered since: what a stalled job's failure names as its likely
 * cause. A permanent error (a missing tile, an unknown job) is an answer, not an outage.
 */
public final class ServiceHealth {
    /** The services a job depends on, by the name a user knows them. */
    public enum Service {
        QUEUE("the task queue"), STATE("the runtime state store"), STORE("the tile store");

        private final String title;

        Service(String title) {
            this.title = title;
        }
    }

    private record Outage(long sinceNanos, Throwable last) {
    }

    private final Map<Service, String> endpoints = new EnumMap<>(Service.class);
    private final ConcurrentHashMap<Service, Outage> outages = new ConcurrentHashMap<>();
    private final AtomicLong workerFailures = new AtomicLong();

    /** Endpoints as shown in messages, e.g. "SQS at http://127.0.0.1:9324/..."; never with a secret. */
    public ServiceHealth(String queue, String state, String store) {
        endpoints.put(Service.QUEUE, requireNonNull(queue, "queue is null"));
        endpoints.put(Service.STATE, requireNonNull(state, "state is null"));
        endpoints.put(Service.STORE, requireNonNull(store, "store is null"));
    }

    /** Runs {@code call} (which may also throw), noting whether {@code service} answered. */
    public <T> CompletableFuture<T> watch(Service service, Supplier<? extends CompletionStage<T>> call) {
        CompletableFuture<T> f;
        try {
            f = call.get().toCompletableFuture();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.whenComplete((v, e) -> {
            if (e == null) {
                answered(service);
            } else {
                failed(service, e);
            }
        });
    }

    public void answered(Service service) {
        if (!outages.isEmpty()) {
            outages.remove(service);
        }
    }

    public void failed(Service service, Throwable error) {
        if (ServiceFaults.isPermanent(error)) {
            answered(service);
            return;
        }
        Throwable cause = RetryPolicy.unwrap(error);
        outages.merge(service, new Outage(System.nanoTime(), cause), (old, now) -> new Outage(old.sinceNanos(), cause));
    }

    /** How long {@code service} has not answered, in nanoseconds; 0 while it answers. */
    public long silentNanos(Service service) {
        Outage o = outages.get(service);
        return o == null ? 0 : System.nanoTime() - o.sinceNanos();
    }

    /** A worker thread ended by an error no handler caught (its provisioner starts another). */
    public void workerFailed() {
        workerFailures.incrementAndGet();
    }

    public long workerFailures() {
        return workerFailures.get();
    }

    /**
     * The longest current outage in one line, e.g. "the task queue (SQS at http://...) has not
     * answered for 45 s: Connection refused"; empty while every service answers.
     */
    public Optional<String> diagnosis() {
        long now = System.nanoTime();
        return outages.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().sinceNanos())).map(e -> {
            Service s = e.getKey();
            long seconds = Math.max(0, (now - e.getValue().sinceNanos()) / 1_000_000_000L);
            String silent = seconds == 0 ? " does not answer: " : " has not answered for " + seconds + " s: ";
            return s.title + " (" + endpoints.get(s) + ")" + silent + ServiceFaults.rootMessage(e.getValue().last());
        });
    }

    /** What to call a service in a message: its own {@code toString()} if it has one, else its class. */
    public static String describe(Object service) {
        String s = String.valueOf(service);
        return s.contains("@") ? service.getClass().getSimpleName() : s;
    }
}
