package org.wren4j.devservices;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import redis.embedded.core.ExecutableProvider;

/** How each local server starts, on 127.0.0.1 only; shared by {@link DevServices} and {@link LocalServer}. */
final class Servers {
    /** The access key and secret s3proxy accepts: the dummy pair wren4j's services client uses by default. */
    static final String KEY = "wren4j";
    private static final long START_NANOS = 60_000_000_000L;

    private Servers() {
    }

    /** ElasticMQ on {@code port} (0: any free port), started. */
    static SQSRestServer sqs(int port) {
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).start();
        server.waitUntilStarted();
        return server;
    }

    /** s3proxy on {@code port} (0: any) with {@code bucket} made unless {@code dir} has it; objects as files under {@code dir}. */
    static S3Proxy s3(int port, String bucket, Path dir) throws Exception {
        // files, not memory: tiles of a large matrix outgrow any heap we would give the server
        Files.createDirectories(dir);
        var properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", dir.toString());
        BlobStore blobs = BlobStores.create("filesystem-nio2", properties);
        if (!blobs.containerExists(bucket)) { // restarted on its own data: the bucket is there (making it again is refused)
            blobs.createContainer(bucket);
        }
        S3Proxy proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, KEY).ignoreUnknownHeaders(true).build();
        proxy.start();
        long deadline = System.nanoTime() + START_NANOS;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                proxy.stop();
                throw new IllegalStateException("s3proxy did not start on 127.0.0.1:" + port + " (state " + proxy.getState() + ")");
            }
            Thread.sleep(10);
        }
        return proxy;
    }

    /** The system's {@code redis-server} on the PATH, else the one embedded-redis ships for this platform. */
    static Path redisBinary() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                Path p = Path.of(d, "redis-server");
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        try {
            return ExecutableProvider.newJarResourceProvider().get().toPath();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no redis-server on the PATH, and embedded-redis has none for this platform: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #redisBinary()}, copied into {@code dir} when it is the embedded one: that one is
     * deleted when this JVM exits, and the path is for another process to run.
     */
    static Path redisBinaryIn(Path dir) throws IOException {
        Path binary = redisBinary();
        if (binary.getFileName().toString().equals("redis-server") && System.getenv("PATH") != null
                && List.of(System.getenv("PATH").split(File.pathSeparator)).contains(binary.getParent().toString())) {
            return binary;
        }
        Files.createDirectories(dir);
        Path copy = dir.resolve("redis-server");
        Files.copy(binary, copy, StandardCopyOption.REPLACE_EXISTING);
        if (!copy.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + copy + " executable");
        }
        return copy;
    }

    /** The redis-server command line: loopback only, no persistence, data (if any) in {@code dir}. */
    static List<String> redisCommand(Path binary, int port, Path dir) {
        return List.of(binary.toString(), "--bind", "127.0.0.1", "--port", Integer.toString(port), "--dir", dir.toString(),
                "--save", "", "--appendonly", "no", "--daemonize", "no");
    }

    /** Waits until {@code process} accepts connections on {@code port}; throws with its output if it dies or takes a minute. */
    static void awaitPort(String server, Process process, int port, Path log) {
        long deadline = System.nanoTime() + START_NANOS;
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(server + " did not start on 127.0.0.1:" + port + " (see " + log + "): " + tail(log));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while starting " + server, e);
            }
        }
    }

    static boolean accepts(int port) {
        try (var s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (var s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.substring(Math.max(0, s.length() - 400)).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
