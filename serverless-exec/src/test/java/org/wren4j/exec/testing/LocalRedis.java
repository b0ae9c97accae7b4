package org.wren4j.exec.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server on 127.0.0.1 and a free port, for integration tests: the system's
 * {@code redis-server} when it is on the PATH, else the binary shipped in embedded-redis. A
 * server that does not start fails loudly with its output. {@link #kill()} and
 * {@link #restart()} keep the port and the data directory, so with append-only files on the
 * data survives, as after a crash.
 */
public final class LocalRedis implements AutoCloseable {
    private final Path binary;
    private final Path dir;
    private final boolean appendOnly;
    private final String password;
    private final boolean tls;
    private final int port;
    private ServerProcess server;

    private LocalRedis(Path binary, Path dir, boolean appendOnly, String password, boolean tls, int port) {
        this.binary = binary;
        this.dir = dir;
        this.appendOnly = appendOnly;
        this.password = password;
        this.tls = tls;
        this.port = port;
    }

    /** A server without persistence. */
    public static LocalRedis start() {
        return start(false, null);
    }

    /**
     * @param appendOnly write an append-only file, fsynced on every write
     * @param password   required with AUTH, or null for none
     */
    public static LocalRedis start(boolean appendOnly, String password) {
        return start(appendOnly, password, false);
    }

    /**
     * A server that speaks only TLS, with a self-signed certificate for 127.0.0.1 made by the
     * JDK's keytool; {@link #certificate()} is its PEM file, to trust on the client.
     */
    public static LocalRedis startTls() {
        return start(false, null, true);
    }

    /** A server that speaks only TLS (as {@link #startTls()}) and requires {@code password} with AUTH. */
    public static LocalRedis startTls(String password) {
        return start(false, password, true);
    }

    private static LocalRedis start(boolean appendOnly, String password, boolean tls) {
        Path binary = binary();
        Path dir;
        try {
            dir = Files.createTempDirectory("wren4j-redis");
            if (tls) {
                SelfSignedCertificate.write(dir.resolve("server.pem"), dir.resolve("server.key"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            var redis = new LocalRedis(binary, dir, appendOnly, password, tls, freePort());
            try {
                redis.launch();
                return redis;
            } catch (IllegalStateException e) {
                // another process may have taken the free port in the meantime
                last = e;
            }
        }
        throw last;
    }

    private static Path binary() {
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
        } catch (IOException e) {
            throw new UncheckedIOException("no redis-server on the PATH and embedded-redis could not unpack its binary", e);
        }
    }

    static int freePort() {
        try (var s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(),
                "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--save", "", "--daemonize", "no", "--loglevel", "notice",
                "--appendonly", appendOnly ? "yes" : "no", "--appendfsync", "always"));
        if (password != null) {
            cmd.addAll(List.of("--requirepass", password));
        }
        if (tls) {
            cmd.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port),
                    "--tls-cert-file", certificate().toString(), "--tls-key-file", dir.resolve("server.key").toString(),
                    "--tls-ca-cert-file", certificate().toString(), "--tls-auth-clients", "no"));
        } else {
            cmd.addAll(List.of("--port", Integer.toString(port)));
        }
        server = new ServerProcess("redis-server", cmd, port, "Ready to accept connections", Duration.ofSeconds(15));
        server.start();
    }

    public int port() {
        return port;
    }

    /** {@code redis://[:password@]127.0.0.1:port}, or {@code rediss://...} with TLS. */
    public String uri() {
        return (tls ? "rediss://" : "redis://") + (password == null ? "" : ":" + password + "@") + "127.0.0.1:" + port;
    }

    /** The PEM certificate of a TLS server. */
    public Path certificate() {
        if (!tls) {
            throw new IllegalStateException("this redis-server does not use TLS");
        }
        return dir.resolve("server.pem");
    }

    /** The server's output so far, for failure messages. */
    public String output() {
        return server.output();
    }

    /** Kills the server with SIGKILL: no shutdown, no final save. */
    public void kill() {
        server.kill();
    }

    /** The server process, e.g. to freeze it with SIGSTOP. */
    public ProcessHandle handle() {
        return server.handle();
    }

    /** Starts the server again on the same port and data directory. */
    public void restart() {
        server.restart(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        if (server != null) {
            kill();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
