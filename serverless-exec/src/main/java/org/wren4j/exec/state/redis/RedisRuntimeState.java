package org.wren4j.exec.state.redis;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.wren4j.exec.state.ChildCount;
import org.wren4j.exec.state.Completion;
import org.wren4j.exec.state.JobState;
import org.wren4j.exec.state.JobStatus;
import org.wren4j.exec.state.RuntimeState;
import org.wren4j.exec.state.TileReaders;

/**
 * {@link RuntimeState} in Redis (or any server speaking its protocol with Lua, e.g.
 * ElastiCache), shared by workers in any number of processes.
 *
 * <p>Per job, five keys that share the job id as hash tag (so a cluster keeps them in one
 * slot): {@code <ns>{<job>}:job}, a hash with total, completed, status and error;
 * {@code <ns>{<job>}:done}, the set of done tasks; {@code <ns>{<job>}:remaining}, a hash of
 * remaining-parent counters; {@code <ns>{<job>}:readers}, a hash of remaining-reader counters of
 * temporary tiles; {@code <ns>{<job>}:counters}, the job's counters. {@link #complete} is one
 * Lua script, so it is atomic however many workers complete parents of the same child or readers
 * of the same tile; failing and cancelling are another, so the first final status and error win.
 *
 * <p>All methods are asynchronous and never block. The connection reconnects by itself after a
 * network failure or a server restart; commands issued meanwhile wait (up to the command
 * timeout) and run after the reconnect. Durability across a restart is the server's: with
 * {@code appendonly yes} a completed step survives.
 */
public final class RedisRuntimeState implements RuntimeState {
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisAsyncCommands<String, String> redis;
    private final String namespace;
    private final String description;
    // A script's loaded state belongs to one server: one set of scripts per connection.
    private final LuaScript complete = LuaScript.resource("complete.lua", ScriptOutputType.MULTI);
    private final LuaScript finish = LuaScript.resource("finish.lua", ScriptOutputType.INTEGER);
    private final LuaScript start = LuaScript.resource("start.lua", ScriptOutputType.INTEGER);

    private RedisRuntimeState(RedisClient client, StatefulRedisConnection<String, String> connection, String namespace, String description) {
        this.client = client;
        this.connection = connection;
        this.redis = connection.async();
        this.namespace = namespace;
        this.description = description;
    }

    /** Where the server is, for messages: host, port and database, never credentials. */
    static String describe(RedisURI uri) {
        return "Redis at " + uri.getHost() + ":" + uri.getPort() + (uri.getDatabase() == 0 ? "" : "/" + uri.getDatabase())
                + (uri.isSsl() ? " (TLS)" : "");
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * Connects to the server named by {@code uri}: {@code redis://[[user]:password@]host[:port][/db]},
     * or {@code rediss://...} for TLS; credentials in the URI are sent with AUTH. Completes when
     * the connection is open and the scripts are loaded.
     */
    public static CompletionStage<RedisRuntimeState> connectAsync(String uri, RedisStateOptions options) {
        requireNonNull(uri, "uri is null");
        requireNonNull(options, "options is null");
        RedisURI redisUri = RedisURI.create(uri);
        redisUri.setTimeout(options.commandTimeout());
        RedisClient client = RedisClient.create();
        ClientOptions.Builder clientOptions = ClientOptions.builder()
                .autoReconnect(true)
                .socketOptions(SocketOptions.builder().connectTimeout(options.connectTimeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()));
        options.trustedCertificates().ifPresent(pem -> clientOptions.sslOptions(SslOptions.builder().trustManager(pem.toFile()).build()));
        client.setOptions(clientOptions.build());
        CompletableFuture<RedisRuntimeState> result = new CompletableFuture<>();
        client.connectAsync(StringCodec.UTF8, redisUri).whenComplete((connection, error) -> {
            if (error != null) {
                client.shutdownAsync();
                result.completeExceptionally(RedisErrors.unwrap(error));
                return;
            }
            var state = new RedisRuntimeState(client, connection, options.namespace(), describe(redisUri));
            state.loadScripts().whenComplete((v, e) -> {
                if (e != null) {
                    state.closeAsync();
                    result.completeExceptionally(RedisErrors.unwrap(e));
                } else {
                    result.complete(state);
                }
            });
        });
        return result;
    }

    /** Blocking form of {@link #connectAsync}; do not call it from an event-loop callback. */
    public static RedisRuntimeState connect(String uri, RedisStateOptions options) {
        return connectAsync(uri, options).toCompletableFuture().join();
    }

    private CompletionStage<Void> loadScripts() {
        return complete.load(redis).thenCompose(v -> finish.load(redis)).thenCompose(v -> start.load(redis));
    }

    private String key(String jobId, String suffix) {
        return namespace + "{" + jobId + "}:" + suffix;
    }

    private String[] keys(String jobId) {
        return new String[] {key(jobId, "job"), key(jobId, "done"), key(jobId, "remaining"), key(jobId, "readers"), key(jobId, "counters")};
    }

    @Override
    public CompletionStage<Void> startJob(String jobId, long totalTasks, String secret) {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(secret, "secret is null");
        if (totalTasks < 0) {
            throw new IllegalArgumentException("totalTasks must be >= 0, got " + totalTasks);
        }
        String status = (totalTasks == 0 ? JobStatus.SUCCEEDED : JobStatus.RUNNING).name();
        CompletionStage<Long> r = start.run(redis, new String[] {key(jobId, "job")}, Long.toString(totalTasks), status, secret);
        return translated(r, jobId).thenApply(x -> null);
    }

    @Override
    public CompletionStage<Optional<String>> secret(String jobId) {
        requireNonNull(jobId, "jobId is null");
        return translated(redis.hget(key(jobId, "job"), "secret"), jobId)
                .thenApply(s -> s == null || s.isEmpty() ? Optional.<String>empty() : Optional.of(s));
    }

    @Override
    public CompletionStage<Boolean> isDone(String jobId, String taskKey) {
        requireNonNull(taskKey, "taskKey is null");
        // Two commands in one write: a missing job must fail, as in the memory state.
        CompletionStage<Long> exists = redis.exists(key(jobId, "job"));
        CompletionStage<Boolean> member = redis.sismember(key(jobId, "done"), taskKey);
        return exists.thenCombine(member, (e, m) -> {
            if (e == 0) {
                throw new NoSuchElementException("unknown job " + jobId);
            }
            return m;
        });
    }

    @Override
    public CompletionStage<Completion> complete(String jobId, String taskKey, List<ChildCount> children,
                                                long temporaryBytesWritten, List<TileReaders> temporaryInputs) {
        requireNonNull(taskKey, "taskKey is null");
        String[] args = new String[3 + 2 * children.size() + 3 * temporaryInputs.size()];
        args[0] = taskKey;
        args[1] = Integer.toString(children.size());
        int i = 2;
        for (ChildCount c : children) {
            args[i++] = c.taskKey();
            args[i++] = Integer.toString(c.parents());
        }
        args[i++] = Long.toString(temporaryBytesWritten);
        for (TileReaders t : temporaryInputs) {
            args[i++] = t.tileKey();
            args[i++] = Integer.toString(t.readers());
            args[i++] = Long.toString(t.bytes());
        }
        CompletionStage<List<Object>> r = complete.run(redis, keys(jobId), args);
        return translated(r, jobId).thenApply(reply -> new Completion(strings((List<?>) reply.get(0)), strings((List<?>) reply.get(1))));
    }

    private static List<String> strings(List<?> reply) {
        var out = new ArrayList<String>(reply.size());
        for (Object o : reply) {
            out.add((String) o);
        }
        return List.copyOf(out);
    }

    @Override
    public CompletionStage<Void> fail(String jobId, String error) {
        requireNonNull(error, "error is null");
        return finish(jobId, JobStatus.FAILED, error);
    }

    @Override
    public CompletionStage<Void> cancel(String jobId) {
        return finish(jobId, JobStatus.CANCELLED, null);
    }

    private CompletionStage<Void> finish(String jobId, JobStatus status, String error) {
        String[] keys = {key(jobId, "job")};
        CompletionStage<Long> r = error == null
                ? finish.run(redis, keys, status.name())
                : finish.run(redis, keys, status.name(), error);
        return translated(r, jobId).thenApply(x -> null);
    }

    @Override
    public CompletionStage<JobState> state(String jobId) {
        CompletionStage<List<KeyValue<String, String>>> r = redis.hmget(key(jobId, "job"), "total", "completed", "status", "error");
        return r.thenApply(fields -> {
            String total = fields.get(0).getValueOrElse(null);
            if (total == null) {
                throw new NoSuchElementException("unknown job " + jobId);
            }
            return new JobState(JobStatus.valueOf(fields.get(2).getValue()), Long.parseLong(fields.get(1).getValue()),
                    Long.parseLong(total), Optional.ofNullable(fields.get(3).getValueOrElse(null)));
        });
    }

    @Override
    public CompletionStage<Void> addCounters(String jobId, java.util.Map<String, Long> deltas) {
        // pipelined on the one connection: they run before any later command of this client
        String key = key(jobId, "counters");
        var calls = new ArrayList<CompletableFuture<Long>>(deltas.size());
        deltas.forEach((k, v) -> {
            if (v != 0) {
                calls.add(redis.hincrby(key, k, v).toCompletableFuture());
            }
        });
        return translated(CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)), jobId);
    }

    @Override
    public CompletionStage<java.util.Map<String, Long>> counters(String jobId) {
        return redis.hgetall(key(jobId, "counters")).thenApply(m -> {
            var out = new java.util.HashMap<String, Long>();
            m.forEach((k, v) -> out.put(k, Long.parseLong(v)));
            return java.util.Map.copyOf(out);
        });
    }

    @Override
    public CompletionStage<Void> addSpan(String jobId, String span) {
        // one pipelined append; past the cap the append is taken back, so the list keeps the first spans
        String key = key(jobId, "spans");
        CompletionStage<Void> r = redis.rpush(key, span).thenCompose(n -> n > MAX_SPANS_PER_JOB
                ? redis.rpop(key).thenApply(x -> (Void) null)
                : CompletableFuture.completedFuture(null));
        return translated(r, jobId);
    }

    @Override
    public CompletionStage<List<String>> spans(String jobId) {
        return redis.lrange(key(jobId, "spans"), 0, -1).thenApply(List::copyOf);
    }

    @Override
    public CompletionStage<Void> deleteJob(String jobId) {
        return redis.unlink(key(jobId, "job"), key(jobId, "done"), key(jobId, "remaining"), key(jobId, "readers"), key(jobId, "counters"),
                key(jobId, "spans")).thenApply(n -> null);
    }

    private static <T> CompletionStage<T> translated(CompletionStage<T> stage, String jobId) {
        return stage.exceptionallyCompose(e -> CompletableFuture.failedFuture(RedisErrors.translate(e, jobId)));
    }

    /** Closes the connection and releases the client's threads. */
    public CompletionStage<Void> closeAsync() {
        return connection.closeAsync().thenCompose(v -> client.shutdownAsync(0, 2, TimeUnit.SECONDS));
    }

    @Override
    public void close() {
        closeAsync().toCompletableFuture().join();
    }
}
