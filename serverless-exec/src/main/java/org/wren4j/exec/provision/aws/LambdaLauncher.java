package org.wren4j.exec.provision.aws;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.wren4j.exec.events.Event;
import org.wren4j.exec.events.EventLog;
import org.wren4j.exec.services.FlatJson;
import org.wren4j.exec.worker.Backoff;
import org.wren4j.spi.WorkerLauncher;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Workers as AWS Lambda invocations of a function whose handler is
 * {@code org.wren4j.exec.aws.LambdaWorkerHandler}; the event names the services and the worker
 * options. Invocations are request-response (not fire-and-forget events) so that the launcher
 * knows when each worker ends: {@link #running} counts invocations not yet returned, and their
 * durations sum to the worker-seconds. A function error is counted ({@link #failures}) and the
 * provisioner simply launches again while tasks are pending.
 *
 * <p>An invocation Lambda throttles (HTTP 429, {@code TooManyRequestsException}: the account's or
 * the function's concurrency is used up, or the invocation rate is too high) is counted
 * ({@link #throttles}), not failed, and the launcher launches nothing for a backoff that doubles
 * with each throttle in a row (from {@value #THROTTLE_BASE_MILLIS} ms up to
 * {@value #THROTTLE_MAX_MILLIS} ms, with jitter): asking again at once would only be throttled
 * again. The workers already running go on taking tasks meanwhile.
 */
public final class LambdaLauncher implements WorkerLauncher {
    private final LambdaAsyncClient client;
    private final boolean ownsClient;
    private final String function;
    private final SdkBytes payload;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong launched = new AtomicLong();
    private final DoubleAdder finishedSeconds = new DoubleAdder();
    private final java.util.concurrent.ConcurrentHashMap<Long, Long> started = new java.util.concurrent.ConcurrentHashMap<>();
    static final long THROTTLE_BASE_MILLIS = 250;
    static final long THROTTLE_MAX_MILLIS = 20_000;
    private final AtomicLong throttles = new AtomicLong();
    private final AtomicInteger throttledInARow = new AtomicInteger();
    private volatile long pausedUntilNanos;

    /** A launcher on a client the caller owns. */
    public LambdaLauncher(LambdaAsyncClient client, String function, Map<String, String> event) {
        this(client, false, function, event);
    }

    private LambdaLauncher(LambdaAsyncClient client, boolean owns, String function, Map<String, String> event) {
        this.client = requireNonNull(client, "client is null");
        this.ownsClient = owns;
        this.function = requireNonNull(function, "function is null");
        this.payload = SdkBytes.fromUtf8String(FlatJson.write(event));
    }

    /**
     * A launcher with its own client: for {@code endpoint} (a Lambda-compatible server, e.g. on
     * loopback) with static credentials, or AWS's endpoint of {@code region} when it is null,
     * with the default credential chain. Calls may take up to Lambda's 15 minutes.
     */
    public static LambdaLauncher create(URI endpoint, String region, String accessKey, String secretKey, String function,
                                        Map<String, String> event) {
        var builder = LambdaAsyncClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().readTimeout(Duration.ofMinutes(16)).maxConcurrency(1000))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofMinutes(16)).apiCallAttemptTimeout(Duration.ofMinutes(16)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        }
        return new LambdaLauncher(builder.build(), true, function, event);
    }

    @Override
    public void launch(int count) {
        if (System.nanoTime() - pausedUntilNanos < 0) {
            return; // throttled a moment ago: the provisioner asks again next period
        }
        for (int i = 0; i < count; i++) {
            long id = launched.incrementAndGet();
            running.incrementAndGet();
            started.put(id, System.nanoTime());
            client.invoke(b -> b.functionName(function).invocationType(InvocationType.REQUEST_RESPONSE).payload(payload))
                    .whenComplete((r, e) -> {
                        if (e != null && isThrottle(e)) {
                            throttled();
                        } else {
                            throttledInARow.set(0);
                            if (e != null || r.functionError() != null) {
                                failures.incrementAndGet();
                            }
                        }
                        Long s = started.remove(id);
                        finishedSeconds.add((System.nanoTime() - s) / 1e9);
                        running.decrementAndGet();
                    });
        }
    }

    private void throttled() {
        throttles.incrementAndGet();
        int inARow = throttledInARow.incrementAndGet();
        long millis = Backoff.delay(inARow, Duration.ofMillis(THROTTLE_BASE_MILLIS), Duration.ofMillis(THROTTLE_MAX_MILLIS),
                java.util.concurrent.ThreadLocalRandom.current()).toMillis();
        pausedUntilNanos = System.nanoTime() + millis * 1_000_000L;
        EventLog.emit(new Event.Throttled("lambda " + function, inARow, millis / 1e3));
    }

    /** Lambda said no for now: too many concurrent invocations, or too many requests per second. */
    static boolean isThrottle(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TooManyRequestsException || t instanceof AwsServiceException a && a.statusCode() == 429) {
                return true;
            }
        }
        return false;
    }

    /** Invocations Lambda throttled (each followed by a pause in launching). */
    public long throttles() {
        return throttles.get();
    }

    @Override
    public int running() {
        return running.get();
    }

    /** Invocations started so far. */
    public long launched() {
        return launched.get();
    }

    /** Invocations that failed (the call or the function). */
    public long failures() {
        return failures.get();
    }

    @Override
    public double workerSeconds() {
        long now = System.nanoTime();
        double live = 0;
        for (Long s : started.values()) {
            live += (now - s) / 1e9;
        }
        return finishedSeconds.sum() + live;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
