package org.wren4j.exec.queue.sqs;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClientBuilder;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates the queues of an {@link SqsTaskQueue} from a name prefix and opens it: {@code
 * <prefix>-p0} ... {@code <prefix>-p<n-1>}, one per priority band, and {@code <prefix>-dlq}, the
 * dead-letter queue named by their redrive policy. Creating is idempotent, so every process of
 * a deployment may open the same prefix.
 */
public final class SqsQueueFactory implements AutoCloseable {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,70}");

    private final SqsAsyncClient client;
    private final boolean ownsClient;
    private final SqsQueueOptions options;

    private SqsQueueFactory(SqsAsyncClient client, boolean ownsClient, SqsQueueOptions options) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.options = options;
    }

    /**
     * A factory with its own client for {@code endpoint} (e.g. {@code http://127.0.0.1:9324} for a
     * local server), or AWS's endpoint of the options' region when {@code endpoint} is null.
     */
    public static SqsQueueFactory create(URI endpoint, SqsQueueOptions options) {
        requireNonNull(options, "options is null");
        SqsAsyncClientBuilder builder = SqsAsyncClient.builder()
                .region(Region.of(options.region()))
                .credentialsProvider(options.credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(options.maxConnections())
                        // small requests: without NODELAY, Nagle + delayed ACK add ~40 ms to each call
                        .putChannelOption(io.netty.channel.ChannelOption.TCP_NODELAY, Boolean.TRUE))
                .overrideConfiguration(c -> c.apiCallTimeout(options.apiCallTimeout()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return new SqsQueueFactory(builder.build(), true, options);
    }

    /** A factory on a client the caller owns and closes. */
    public static SqsQueueFactory using(SqsAsyncClient client, SqsQueueOptions options) {
        return new SqsQueueFactory(requireNonNull(client, "client is null"), false, requireNonNull(options, "options is null"));
    }

    /** Creates the queues if needed and opens a queue that closes its own client with it. */
    public static CompletionStage<SqsTaskQueue> connect(URI endpoint, String namePrefix, SqsQueueOptions options) {
        SqsQueueFactory factory = create(endpoint, options);
        return factory.open(namePrefix, factory).whenComplete((q, e) -> {
            if (e != null) {
                factory.close();
            }
        });
    }

    /** Creates the queues of {@code namePrefix} if needed and opens them; the client stays this factory's. */
    public CompletionStage<SqsTaskQueue> open(String namePrefix) {
        return open(namePrefix, null);
    }

    private CompletionStage<SqsTaskQueue> open(String namePrefix, AutoCloseable owner) {
        checkPrefix(namePrefix);
        CompletableFuture<String> dlq = createQueue(namePrefix + "-dlq");
        CompletableFuture<String> redrive = dlq
                .thenCompose(url -> client.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN)))
                .thenApply(a -> "{\"deadLetterTargetArn\":\"" + a.attributes().get(QueueAttributeName.QUEUE_ARN)
                        + "\",\"maxReceiveCount\":\"" + options.maxReceives() + "\"}");
        var bands = new ArrayList<CompletableFuture<String>>();
        for (int b = 0; b < options.bands().count(); b++) {
            String name = namePrefix + "-p" + b;
            // set after creating, so that reopening with other options updates the policy
            bands.add(redrive.thenCompose(policy -> createQueue(name).thenCompose(url -> client.setQueueAttributes(
                    r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy))).thenApply(x -> url))));
        }
        return CompletableFuture.allOf(bands.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<String> urls = bands.stream().map(CompletableFuture::join).toList();
            return new SqsTaskQueue(client, urls, dlq.join(), options, owner);
        });
    }

    private CompletableFuture<String> createQueue(String name) {
        return client.createQueue(r -> r.queueName(name)).thenApply(r -> r.queueUrl());
    }

    /** Deletes the queues of {@code namePrefix} and their messages; missing queues are skipped. */
    public CompletionStage<Void> delete(String namePrefix) {
        checkPrefix(namePrefix);
        var names = new ArrayList<String>();
        for (int b = 0; b < options.bands().count(); b++) {
            names.add(namePrefix + "-p" + b);
        }
        names.add(namePrefix + "-dlq");
        var calls = names.stream().map(name -> client.getQueueUrl(r -> r.queueName(name))
                        .thenCompose(u -> client.deleteQueue(r -> r.queueUrl(u.queueUrl())))
                        .<Void>handle((r, e) -> {
                            if (e != null && !(SqsErrors.unwrap(e) instanceof QueueDoesNotExistException)) {
                                throw new java.util.concurrent.CompletionException(SqsErrors.unwrap(e));
                            }
                            return null;
                        }))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(calls);
    }

    private static void checkPrefix(String namePrefix) {
        requireNonNull(namePrefix, "namePrefix is null");
        if (!PREFIX.matcher(namePrefix).matches()) {
            throw new IllegalArgumentException("namePrefix must be 1-70 letters, digits, '-' or '_' (SQS queue names), got " + namePrefix);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
