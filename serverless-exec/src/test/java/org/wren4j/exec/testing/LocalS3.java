package org.wren4j.exec.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.wren4j.tiles.s3.S3ObjectStore;
import org.wren4j.tiles.s3.S3ProxyServer;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * A real s3proxy in a process of its own on 127.0.0.1 and a free port, its objects as files in
 * a data directory of its own, for integration tests. Unlike a server in the test's JVM it can
 * be {@link #kill() killed}, {@link #restart() started again} on the same port and data (what
 * it stored survives, as after a crash of the machine's server) and {@link #freeze frozen}.
 * Accepts the access key and secret given; a server that does not start fails loudly with its
 * output.
 */
public final class LocalS3 implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(60); // a JVM, on a machine busy with workers
    private final Path dir;
    private final String accessKey;
    private final String secretKey;
    private final String bucketPrefix;
    private final AtomicInteger buckets = new AtomicInteger();
    private final ServerProcess server;
    private final URI endpoint;
    private final S3AsyncClient client;

    private LocalS3(Path dir, int port, String accessKey, String secretKey, String bucketPrefix) {
        this.dir = dir;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.bucketPrefix = bucketPrefix;
        server = new ServerProcess("s3proxy", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), S3ProxyServer.class.getName(),
                Integer.toString(port), dir.resolve("data").toString(), accessKey, secretKey), port, "ready", START);
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        client = S3ObjectStore.compatibleClient(endpoint, S3ProxyServer.REGION, accessKey, secretKey);
    }

    /**
     * @param bucketPrefix what {@link #newBucket()} names start with
     * @throws IllegalStateException if it cannot start
     */
    public static LocalS3 start(String accessKey, String secretKey, String bucketPrefix) {
        Path dir;
        try {
            dir = Files.createTempDirectory("wren4j-s3");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return new LocalS3(dir, LocalRedis.freePort(), accessKey, secretKey, bucketPrefix);
            } catch (IllegalStateException e) {
                last = e; // another process may have taken the free port in the meantime
            }
        }
        throw last;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A new empty bucket. */
    public String newBucket() {
        String bucket = bucketPrefix + buckets.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket)).join();
        return bucket;
    }

    /** A client of this server, to look at a bucket behind a store's back. */
    public S3AsyncClient client() {
        return client;
    }

    /** The directory whose files are the server's buckets and objects. */
    public Path dataDirectory() {
        return dir.resolve("data");
    }

    /** Kills the server with SIGKILL: no shutdown. */
    public void kill() {
        server.kill();
    }

    /** Kills the server (if it runs) and starts it again on the same port and data directory. */
    public void restart() {
        server.restart(Duration.ofSeconds(10));
    }

    /** Freezes the server (SIGSTOP) and lets it go on (SIGCONT) after {@code time}; returns at once. */
    public void freeze(Duration time) {
        server.freeze(time);
    }

    /** The server process. */
    public ProcessHandle handle() {
        return server.handle();
    }

    /** The server's output so far, for failure messages. */
    public String output() {
        return server.output();
    }

    @Override
    public void close() {
        client.close();
        server.kill();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
