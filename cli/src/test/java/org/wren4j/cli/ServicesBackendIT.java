package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.ServiceEndpoints;
import org.wren4j.api.Wren;
import org.wren4j.api.WrenException;

/**
 * {@code services up}, then {@code run cholesky --backend services} with the flags it printed
 * (worker threads, then {@code bench backends}, then worker processes with half of them killed at
 * 30% and duplicated deliveries), then {@code services down}: real Redis, ElasticMQ and s3proxy on 127.0.0.1.
 */
class ServicesBackendIT extends CliTest {
    /** What the last run printed on stdout, without its line end. */
    private String printed() {
        return stdout().strip();
    }

    private static double residual(String json) {
        return Double.parseDouble(json.replaceAll(".*\"residual\": ([^,}]+).*", "$1"));
    }

    @Test
    void choleskyOnServicesStartedByTheCommand(@TempDir Path dir) {
        assertThat(run(List.of("services", "up", "--dir", dir.toString()))).as(stderr()).isZero();
        String flags = printed();
        try {
            assertThat(flags).startsWith("--backend services --redis redis://127.0.0.1:").contains(" --sqs http://127.0.0.1:")
                    .contains(" --s3 http://127.0.0.1:").endsWith(" --bucket wren4j");
            // up again: the same servers, the same line
            assertThat(run(List.of("services", "up", "--dir", dir.toString()))).isZero();
            assertThat(printed()).isEqualTo(flags);

            var argv = new ArrayList<>(List.of("run", "cholesky", "--n", "512", "--block", "128", "--workers", "3", "--json"));
            argv.addAll(List.of(flags.split(" ")));
            assertThat(run(argv)).as(stderr()).isZero();
            String json = printed();
            System.out.println("threads: " + json);
            assertThat(json).contains("\"backend\": \"services\"").contains("\"tasks\": 20,");
            assertThat(residual(json)).isLessThan(1e-12);

            // the same job on both backends from one process: warm-up, one rep, the medians
            var bench = new ArrayList<>(List.of("bench", "backends", "--op", "cholesky", "--n", "512", "--block", "128", "--workers", "2",
                    "--reps", "1"));
            bench.addAll(List.of(flags.split(" ")));
            assertThat(run(bench)).as(stderr()).isZero();
            List<String> lines = printed().lines().toList();
            System.out.println("bench backends: " + lines);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).contains("\"rep\": \"warm-up\"", "\"tasks\": 20,", "\"same_result\": true");
            assertThat(lines.get(1)).contains("\"rep\": \"0\"", "\"same_result\": true").matches(".*\"ratio\": [0-9.]+.*");
            assertThat(lines.get(2)).contains("\"reps\": 1").matches(".*\"median_ratio\": [0-9.]+.*");

            argv.addAll(List.of("--launcher", "processes", "--kill-workers", "0.5@0.3", "--duplicate-deliveries", "0.1"));
            assertThat(run(argv)).as(stderr()).isZero();
            json = printed();
            System.out.println("processes: " + json);
            assertThat(json).matches(".*\"workers_killed\": [1-9].*");
            assertThat(residual(json)).isLessThan(1e-12);
        } finally {
            assertThat(run(List.of("services", "down", "--dir", dir.toString()))).isZero();
            assertThat(printed()).startsWith("stopped 3 local services");
        }
    }

    private static String flag(String flags, String name) {
        return flags.replaceAll(".*--" + name + " (\\S+).*", "$1");
    }

    private static double[][] read(String flags, String name) {
        var endpoints = ServiceEndpoints.of(flag(flags, "redis"), flag(flags, "sqs"), flag(flags, "s3"), flag(flags, "bucket"));
        try (Wren wren = Wren.builder().services(endpoints).workers(1).build()) {
            return wren.open(name).toArray();
        }
    }

    /** Redis's own RESP inline protocol: one command, its one-line reply. */
    private static String redis(String flags, String command) throws IOException {
        URI uri = URI.create(flag(flags, "redis"));
        try (var socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String reply = in.readLine();
            return reply.startsWith("$") && !reply.equals("$-1") ? in.readLine() : reply;
        }
    }

    private static void kill(Path dir, String server) throws IOException {
        long pid = Long.parseLong(Files.readString(dir.resolve(server + ".pid")).strip().split(" ")[0]);
        ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
        p.destroyForcibly();
        p.onExit().join();
    }

    @Test
    void servicesComeBackOnTheirPortsWithTheirTilesAndState(@TempDir Path dir) throws Exception {
        assertThat(run(List.of("services", "up", "--dir", dir.toString()))).as(stderr()).isZero();
        String flags = printed();
        try {
            var endpoints = ServiceEndpoints.of(flag(flags, "redis"), flag(flags, "sqs"), flag(flags, "s3"), flag(flags, "bucket"));
            double[][] saved;
            try (Wren wren = Wren.builder().services(endpoints).workers(2).build()) {
                saved = wren.random(300, 200, 128, 7).save("kept").toArray();
            }
            assertThat(redis(flags, "SET wren4j-check kept")).isEqualTo("+OK");
            Thread.sleep(1500); // Redis writes its append-only file every second

            // two servers die (SIGKILL: no shutdown): up restarts just those, on the same ports, on their data
            kill(dir, "s3");
            kill(dir, "redis");
            assertThat(run(List.of("services", "up", "--dir", dir.toString()))).as(stderr()).isZero();
            assertThat(printed()).isEqualTo(flags);
            assertThat(read(flags, "kept")).isDeepEqualTo(saved);
            assertThat(redis(flags, "GET wren4j-check")).isEqualTo("kept");

            // down keeps the data; up brings it back
            assertThat(run(List.of("services", "down", "--dir", dir.toString()))).isZero();
            assertThat(printed()).isEqualTo("stopped 3 local services of " + dir + "; their data stays for the next 'services up'");
            assertThat(run(List.of("services", "up", "--dir", dir.toString()))).as(stderr()).isZero();
            flags = printed();
            assertThat(read(flags, "kept")).isDeepEqualTo(saved);
            assertThat(redis(flags, "GET wren4j-check")).isEqualTo("kept");

            // down --purge deletes them
            assertThat(run(List.of("services", "down", "--purge", "--dir", dir.toString()))).isZero();
            assertThat(printed()).endsWith("; their tiles and runtime state are deleted");
            assertThat(run(List.of("services", "up", "--dir", dir.toString()))).as(stderr()).isZero();
            flags = printed();
            assertThat(redis(flags, "GET wren4j-check")).isEqualTo("$-1");
            String purged = flags;
            assertThatThrownBy(() -> read(purged, "kept")).isInstanceOf(WrenException.class).hasMessageContaining("kept");
        } finally {
            assertThat(run(List.of("services", "down", "--purge", "--dir", dir.toString()))).isZero();
        }
    }
}
