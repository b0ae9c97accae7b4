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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code wren4j services up|down [--dir D]}: local Redis, ElasticMQ (SQS) and s3proxy (S3) on
 * 127.0.0.1 in the background, outliving the command, for {@code run --backend services}. The
 * directory (default {@code $HOME/.wren4j/services}, where the shell's {@code ~} points) holds
 * their logs, process ids, ports, the flags and their data: the S3 objects (files under
 * {@code s3/}) and Redis's append-only file. {@code up} prints the flags on one line and starts
 * only the servers that are not running, on the ports they had, on their own data, so a server
 * that died mid-job comes back where its clients and workers look for it with its tiles and
 * runtime state; {@code down} stops them and keeps the data, {@code down --purge} deletes it.
 */
final class ServicesCommand {
    static final String USAGE = "usage: wren4j services up|down [--purge] [--dir DIR]   (default DIR: $HOME/.wren4j/services; up writes the flags to DIR/flags;"
            + " down --purge deletes the tiles and runtime state)";
    static final String BUCKET = "wren4j";
    private static final List<String> SERVERS = List.of("redis", "sqs", "s3");
    /** The servers' entry point in the dev-services artifact, on the CLI's run-time class path only. */
    private static final String LOCAL_SERVER = "org.wren4j.devservices.LocalServer";

    private ServicesCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Args args = new Args(argv, Set.of("dir"), Set.of("purge"));
        if (args.positional().size() != 1 || !List.of("up", "down").contains(args.positional().get(0))) {
            throw new UsageException("services takes up or down");
        }
        boolean up = args.positional().get(0).equals("up");
        if (up && args.flag("purge")) {
            throw new UsageException("--purge goes with 'services down'");
        }
        Path dir = args.has("dir") ? Path.of(args.string("dir", null)) : defaultDir(System.getenv(), System.getProperty("user.home"));
        return up ? up(dir, out, err) : down(dir, args.flag("purge"), out);
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
            Map<String, Integer> ports = readPorts(dir);
            if (!ports.keySet().containsAll(SERVERS)) {
                stop(dir); // servers of an older layout, if any: their ports are unknown
                ports = new LinkedHashMap<>();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("java.class.path");
            for (String server : SERVERS) {
                if (alive(dir, server).isPresent()) {
                    continue;
                }
                Integer recorded = ports.get(server);
                int port = recorded != null && !accepts(recorded) ? recorded : freePort();
                ports.put(server, port);
                writePorts(dir, ports);
                start(dir, server, command(server, port, java, cp, dir), port);
            }
            String line = "--backend services --redis redis://127.0.0.1:" + ports.get("redis") + " --sqs http://127.0.0.1:"
                    + ports.get("sqs") + " --s3 http://127.0.0.1:" + ports.get("s3") + " --bucket " + BUCKET;
            Files.writeString(flags, line + "\n");
            out.println(line);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local services in " + dir, e);
        } catch (IllegalStateException e) {
            stop(dir);
            err.println("wren4j: " + e.getMessage());
            return 1;
        }
    }

    /** A server's command line: Redis persists every second to its append-only file; s3proxy keeps its objects as files. */
    private static List<String> command(String server, int port, String java, String cp, Path dir) throws IOException {
        return switch (server) {
            case "redis" -> List.of(redisBinary(java, cp, dir), "--bind", "127.0.0.1", "--port", Integer.toString(port),
                    "--dir", dir.toString(), "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--daemonize", "no");
            case "sqs" -> List.of(java, "-Xmx512m", "-cp", cp, LOCAL_SERVER, "sqs", Integer.toString(port));
            case "s3" -> List.of(java, "-Xmx512m", "-cp", cp, LOCAL_SERVER, "s3", Integer.toString(port), BUCKET,
                    dir.resolve("s3").toString());
            default -> throw new IllegalArgumentException("unknown server " + server);
        };
    }

    static int down(Path dir, boolean purge, PrintStream out) {
        int stopped = stop(dir);
        try {
            Files.deleteIfExists(dir.resolve("flags"));
            if (purge) {
                deleteTree(dir.resolve("s3"));
                deleteTree(dir.resolve("appendonlydir")); // Redis 7
                Files.deleteIfExists(dir.resolve("appendonly.aof")); // Redis 6
                Files.deleteIfExists(dir.resolve(PORTS));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("stopped " + stopped + " local service" + (stopped == 1 ? "" : "s") + " of " + dir
                + (purge ? "; their tiles and runtime state are deleted" : "; their data stays for the next 'services up'"));
        return 0;
    }

    /** Stops the servers that are running (SIGTERM: Redis writes its append-only file out) and returns how many. */
    private static int stop(Path dir) {
        int stopped = 0;
        for (String s : SERVERS) {
            Optional<ProcessHandle> p = alive(dir, s);
            if (p.isPresent()) {
                p.get().destroy();
                try {
                    p.get().onExit().get(10, TimeUnit.SECONDS);
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
        return stopped;
    }

    private static final String PORTS = "ports";

    /** The ports of the servers' last start ({@code name port} lines), so a restart keeps the addresses clients hold. */
    private static Map<String, Integer> readPorts(Path dir) {
        var ports = new LinkedHashMap<String, Integer>();
        try {
            Path f = dir.resolve(PORTS);
            if (Files.exists(f)) {
                for (String line : Files.readAllLines(f)) {
                    String[] kv = line.strip().split(" ");
                    if (kv.length == 2 && SERVERS.contains(kv[0])) {
                        ports.put(kv[0], Integer.parseInt(kv[1]));
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            ports.clear(); // unreadable: start afresh on free ports
        }
        return ports;
    }

    private static void writePorts(Path dir, Map<String, Integer> ports) throws IOException {
        var sb = new StringBuilder();
        ports.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        Files.writeString(dir.resolve(PORTS), sb);
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
