package org.wren4j.exec.state.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script run by digest. It is loaded once when the state connects; a server that lost
 * its script cache (restart, failover, SCRIPT FLUSH) answers NOSCRIPT and the script is loaded
 * again and run once more.
 */
final class LuaScript {
    private final String name;
    private final String source;
    private final ScriptOutputType output;
    private volatile String digest;

    private LuaScript(String name, String source, ScriptOutputType output) {
        this.name = name;
        this.source = source;
        this.output = output;
    }

    static LuaScript resource(String name, ScriptOutputType output) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + name + " is missing from the classpath");
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lua script " + name, e);
        }
    }

    String name() {
        return name;
    }

    CompletionStage<Void> load(RedisAsyncCommands<String, String> redis) {
        return redis.scriptLoad(source).thenAccept(d -> digest = d);
    }

    <T> CompletionStage<T> run(RedisAsyncCommands<String, String> redis, String[] keys, String... args) {
        String d = digest;
        if (d == null) {
            return load(redis).thenCompose(v -> run(redis, keys, args));
        }
        CompletionStage<T> first = redis.evalsha(d, output, keys, args);
        return first.exceptionallyCompose(e -> RedisErrors.unwrap(e) instanceof RedisNoScriptException
                ? load(redis).thenCompose(v -> redis.<T>evalsha(digest, output, keys, args))
                : RedisErrors.failed(e));
    }
}
