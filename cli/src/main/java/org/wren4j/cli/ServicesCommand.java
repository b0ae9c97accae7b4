package org.wren4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code wren4j services up|down [--dir D]}: local Redis, ElasticMQ (SQS) and s3proxy (S3) on
 * 127.0.0.1 in the background, outliving the command, for {@code run --backend services}. The
 * directory (default {@code $HOME/.wren4j/services}, where the shell's {@code ~} points) holds
 * their logs, process ids, the flags and the S3 objects (files under {@code s3/});
 * {@code up} prints the flags on one line, {@code down} stops the servers {@code up} started.
 */
final class ServicesCommand {
    static final String USAGE = "usage: wren4j services up|down [--dir DIR]   (default DIR: $HOME/.wren4j/services; up writes the flags to DIR/flags)";
    static final String BUCKET = "wren4j";
    private static final List<String> SERVERS = List.of("redis", "sqs", "s3");
    /** The servers' entry point in the dev-services artifact, on the CLI's run-time class path only. */
    private static final String LOCAL_SERVER = "org.wren4j.devservices.LocalServer";

    private ServicesCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = new Args(argv, Set.of("dir"), Set.of());
        if (args.positional().size() != 1 || !List.of("up", "down").contains(args.positional().get(0))) {
            throw new UsageException("services takes up or down");
        }
        Path dir = args.has("dir") ? Path.of(args.string("dir", null)) : defaultDir(System.getenv(), System.getProperty("user.home"));
        return args.positional().get(0).equals("up") ? up(dir, out, err) : down(dir, out);
    }

    /**
     * {@code .wren4j/services} under {@code $HOME} when it is set, as the shell's {@code ~} that
     * reads the flags back resolves it, else under {@code userHome} (Java's {@code user.home}, from
     * the passwd entry, which is not {@code $HOME} in some containers).
     */
    static Path defaultDir(Map<String, String> env, String userHome) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : userHome, ".wren4j", "services");
    }

    static int up(Path dir, PrintStream out, PrintStream err) {
        try {
            Files.createDirectories(dir);
            Path flags = dir.resolve("flags");
            if (Files.exists(flags) && SERVERS.stream().allMatch(s -> alive(dir, s).isPresent())) {
                out.println(Files.readString(flags).strip()); // already up: the same servers
                return 0;
            }
            down(dir, new PrintStream(PrintStream.nullOutputStream()));
            int redisPort = freePort();
            int sqsPort = freePort();
            int s3Port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("java.class.path");
            start(dir, "redis", List.of(redisBinary(java, cp, dir), "--bind", "127.0.0.1", "--port", Integer.toString(redisPort),
                    "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--daemonize", "no"), redisPort);
            start(dir, "sqs", List.of(java, "-Xmx512m", "-cp", cp, LOCAL_SERVER, "sqs", Integer.toString(sqsPort)), sqsPort);
            Path blobs = dir.resolve("s3");
            deleteTree(blobs); // a fresh start: tiles of servers that were stopped are gone, as with Redis
            start(dir, "s3", List.of(java, "-Xmx512m", "-cp", cp, LOCAL_SERVER, "s3", Integer.toString(s3Port), BUCKET,
                    blobs.toString()), s3Port);
            String line = "--backend services --redis redis://127.0.0.1:" + redisPort + " --sqs http://127.0.0.1:" + sqsPort
                    + " --s3 http://127.0.0.1:" + s3Port + " --bucket " + BUCKET;
            Files.writeString(flags, line + "\n");
            out.println(line);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local services in " + dir, e);
        } catch (IllegalStateException e) {
            down(dir, new PrintStream(PrintStream.nullOutputStream()));
            err.println("wren4j: " + e.getMessage());
            return 1;
        }
    }

    static int down(Path dir, PrintStream out) {
        int stopped = 0;
        for (String s : SERVERS) {
            Optional<ProcessHandle> p = alive(dir, s);
            if (p.isPresent()) {
                p.get().destroy();
                try {
                    p.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.get().destroyForcibly();
                }
                stopped++;
            }
            try {
                Files.deleteIfExists(dir.resolve(s + ".pid"));
            } catch (IOException e) {
                // a stale pid file is checked against the running command next time
            }
        }
        try {
            Files.deleteIfExists(dir.resolve("flags"));
            deleteTree(dir.resolve("s3"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("stopped " + stopped + " local service" + (stopped == 1 ? "" : "s") + " of " + dir);
        return 0;
    }

    /** The server's process if its pid file names a live process that is still the one we started. */
    private static Optional<ProcessHandle> alive(Path dir, String server) {
        try {
            Path pidFile = dir.resolve(server + ".pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            String[] recorded = Files.readString(pidFile).strip().split(" ");
            long pid = Long.parseLong(recorded[0]);
            String started = recorded.length > 1 ? recorded[1] : "";
            // a pid can be reused (after a reboot): it counts only if it started when ours did
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().startInstant().map(java.time.Instant::toString).orElse("").equals(started));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void start(Path dir, String server, List<String> command, int port) throws IOException {
        Path log = dir.resolve(server + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Files.writeString(dir.resolve(server + ".pid"), p.pid() + " " + p.info().startInstant().map(java.time.Instant::toString).orElse("") + "\n");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!accepts(port)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException(server + " did not start on 127.0.0.1:" + port + " (see " + log + "): "
                        + tail(log));
            }
            sleep();
        }
        if (!server.equals("redis")) {
            // listening is not yet serving: the JVM servers say "ready" once they are
            while (!Files.readString(log, StandardCharsets.UTF_8).contains("ready")) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IllegalStateException(server + " did not become ready (see " + log + "): " + tail(log));
                }
                sleep();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.substring(Math.max(0, s.length() - 400)).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** The redis-server to run, as dev-services finds it (the system's, else the one embedded-redis ships). */
    private static String redisBinary(String java, String cp, Path dir) throws IOException {
        Process p = new ProcessBuilder(java, "-cp", cp, LOCAL_SERVER, "redis-binary", dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("cannot find a redis-server: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for redis-server", e);
        }
        return out;
    }

    private static boolean accepts(int port) {
        try (var s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the services");
        }
    }
}
