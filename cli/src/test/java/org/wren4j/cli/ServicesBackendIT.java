package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code services up}, then {@code run cholesky --backend services} with the flags it printed
 * (worker threads, then {@code bench backends}, then worker processes with half of them killed at
 * 30% and duplicated deliveries), then {@code services down}: real Redis, ElasticMQ and s3proxy on 127.0.0.1.
 */
class ServicesBackendIT {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(List<String> argv) {
        out.reset();
        err.reset();
        return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private static double residual(String json) {
        return Double.parseDouble(json.replaceAll(".*\"residual\": ([^,}]+).*", "$1"));
    }

    @Test
    void choleskyOnServicesStartedByTheCommand(@TempDir Path dir) {
        assertThat(run(List.of("services", "up", "--dir", dir.toString()))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String flags = stdout();
        try {
            assertThat(flags).startsWith("--backend services --redis redis://127.0.0.1:").contains(" --sqs http://127.0.0.1:")
                    .contains(" --s3 http://127.0.0.1:").endsWith(" --bucket wren4j");
            // up again: the same servers, the same line
            assertThat(run(List.of("services", "up", "--dir", dir.toString()))).isZero();
            assertThat(stdout()).isEqualTo(flags);

            var argv = new ArrayList<>(List.of("run", "cholesky", "--n", "512", "--block", "128", "--workers", "3", "--json"));
            argv.addAll(List.of(flags.split(" ")));
            assertThat(run(argv)).as(err.toString(StandardCharsets.UTF_8)).isZero();
            String json = stdout();
            System.out.println("threads: " + json);
            assertThat(json).contains("\"backend\": \"services\"").contains("\"tasks\": 20,");
            assertThat(residual(json)).isLessThan(1e-12);

            // the same job on both backends from one process: warm-up, one rep, the medians
            var bench = new ArrayList<>(List.of("bench", "backends", "--op", "cholesky", "--n", "512", "--block", "128", "--workers", "2",
                    "--reps", "1"));
            bench.addAll(List.of(flags.split(" ")));
            assertThat(run(bench)).as(err.toString(StandardCharsets.UTF_8)).isZero();
            List<String> lines = stdout().lines().toList();
            System.out.println("bench backends: " + lines);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).contains("\"rep\": \"warm-up\"", "\"tasks\": 20,", "\"same_result\": true");
            assertThat(lines.get(1)).contains("\"rep\": \"0\"", "\"same_result\": true").matches(".*\"ratio\": [0-9.]+.*");
            assertThat(lines.get(2)).contains("\"reps\": 1").matches(".*\"median_ratio\": [0-9.]+.*");

            argv.addAll(List.of("--launcher", "processes", "--kill-workers", "0.5@0.3", "--duplicate-deliveries", "0.1"));
            assertThat(run(argv)).as(err.toString(StandardCharsets.UTF_8)).isZero();
            json = stdout();
            System.out.println("processes: " + json);
            assertThat(json).matches(".*\"workers_killed\": [1-9].*");
            assertThat(residual(json)).isLessThan(1e-12);
        } finally {
            assertThat(run(List.of("services", "down", "--dir", dir.toString()))).isZero();
            assertThat(stdout()).startsWith("stopped 3 local services");
        }
    }
}
