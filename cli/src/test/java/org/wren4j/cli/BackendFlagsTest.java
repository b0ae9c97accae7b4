package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backend and fault flags of {@code run}, without servers. */
class BackendFlagsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        out.reset();
        err.reset();
        return Main.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String firstErrorLine() {
        return err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    @Test
    void servicesWithoutTheirFlagsFailWithOneLineAndExitCode2() {
        assertThat(run("run", "cholesky", "--n", "64", "--backend", "services")).isEqualTo(2);
        assertThat(firstErrorLine()).isEqualTo("wren4j: --backend services needs --redis --sqs --bucket (start local servers with 'wren4j services up', which prints them); see 'wren4j help run'");
        assertThat(run("run", "cholesky", "--n", "64", "--backend", "services", "--redis", "redis://127.0.0.1:1", "--bucket", "b")).isEqualTo(2);
        assertThat(firstErrorLine()).startsWith("wren4j: --backend services needs --sqs ");
        assertThat(run("run", "cholesky", "--n", "64", "--backend", "lambda")).isEqualTo(2);
        assertThat(firstErrorLine()).isEqualTo("wren4j: unknown backend 'lambda' (available: embedded, services); see 'wren4j help run'");
        assertThat(run("run", "cholesky", "--n", "64", "--redis", "redis://127.0.0.1:1")).isEqualTo(2);
        assertThat(firstErrorLine()).isEqualTo("wren4j: --redis applies to --backend services; see 'wren4j help run'");
    }

    @Test
    void servicesThatDoNotAnswerFailWithOneLineAndExitCode1() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // released: nothing listens there
        }
        for (String[] argv : new String[][] {
                {"run", "cholesky", "--n", "64"},
                {"bench", "backends", "--n", "64"}}) {
            var all = new java.util.ArrayList<>(List.of(argv));
            all.addAll(List.of("--backend", "services", "--redis", "redis://127.0.0.1:" + port, "--sqs", "http://127.0.0.1:" + port,
                    "--s3", "http://127.0.0.1:" + port, "--bucket", "b"));
            assertThat(run(all.toArray(String[]::new))).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(1);
            assertThat(firstErrorLine()).startsWith("wren4j: error: cannot reach Redis (runtime state) at redis://127.0.0.1:" + port + ": ")
                    .endsWith("(is it running? 'wren4j services up' starts local servers)");
        }
    }

    @Test
    void faultFlagsAreChecked() {
        assertThat(run("run", "cholesky", "--n", "64", "--kill-workers", "0.5@0.3")).isEqualTo(2);
        assertThat(firstErrorLine()).contains("--launcher processes");
        assertThat(run("run", "cholesky", "--n", "64", "--duplicate-deliveries", "1.5")).isEqualTo(2);
        assertThat(firstErrorLine()).contains("duplicate-deliveries must be within [0, 1)");
        assertThat(run("run", "gemm", "--n", "64", "--dry-run")).isEqualTo(2);
        assertThat(firstErrorLine()).isEqualTo("wren4j: --dry-run applies to cholesky; see 'wren4j help run'");
    }

    @Test
    void embeddedRunWithDuplicatesAndStoreFaultsReportsRepeatsAndTheNewFields() {
        assertThat(run("run", "cholesky", "--n", "256", "--block", "64", "--workers", "2", "--json",
                "--duplicate-deliveries", "0.3", "--store-faults", "0.05")).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
        String json = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(json).contains("\"backend\": \"embedded\"").contains("\"core_seconds\": ").contains("\"busy_core_seconds\": ")
                .contains("\"peak_workers\": ").contains("\"bytes_read\": ").contains("\"bytes_written\": ").contains("\"repeated_executions\": ");
        double residual = Double.parseDouble(json.replaceAll(".*\"residual\": ([^,}]+).*", "$1"));
        assertThat(residual).isLessThan(1e-12);
    }

    @Test
    void dryRunCountsEveryTaskOnce() {
        assertThat(run("run", "cholesky", "--n", "65536", "--block", "4096", "--dry-run", "--workers", "4")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"dry_run\": true").contains("\"tasks\": 816").contains("\"task_executions\": 816");
    }
}
