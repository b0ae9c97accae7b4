package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return Main.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badArgumentsPrintOneLinePointingToTheCommandsHelpWithExitCode2() {
        assertThat(run("run", "cholesky")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("wren4j: run cholesky needs --n; see 'wren4j help run'\n");
        err.reset();
        assertThat(run("run", "potato", "--n", "8")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: unknown op 'potato'").endsWith("; see 'wren4j help run'\n");
        err.reset();
        assertThat(run("run", "gemm", "--n", "-3")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("wren4j: --n must be at least 1, got -3; see 'wren4j help run'\n");
        err.reset();
        assertThat(run("run", "gemm", "--n", "abc")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("wren4j: --n must be a whole number, got 'abc'; see 'wren4j help run'\n");
        err.reset();
        assertThat(run("run", "gemm", "--n", "8", "--frobnicate")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("wren4j: unknown option --frobnicate; see 'wren4j help run'\n");
        err.reset();
        assertThat(run("bench", "fusion")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("wren4j: bench fusion needs --n; see 'wren4j help bench'\n");
        err.reset();
        assertThat(run("services", "sideways")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("wren4j: services takes up or down; see 'wren4j help services'\n");
        err.reset();
        assertThat(run("launch")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("wren4j: unknown command 'launch'; see 'wren4j help'\n");
        err.reset();
        assertThat(run("help", "launch")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("wren4j: no command 'launch'; see 'wren4j help'\n");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void helpPrintsTheCommandListOrOneCommandsUsage() {
        assertThat(run()).isEqualTo(2);
        String list = stderr();
        assertThat(list).startsWith("usage: wren4j <command> [options]\ncommands:\n").contains("'wren4j help <command>'")
                .doesNotContain("--block", "--redis");
        assertThat(list.lines().count()).as("one screen").isLessThanOrEqualTo(20);
        for (String command : List.of("demo", "run", "load", "export", "list", "analyze", "bench", "services", "aws", "simulate", "worker", "classpath")) {
            assertThat(list).contains("  " + command + " ");
        }
        assertThat(run("help")).isZero();
        assertThat(stdout()).isEqualTo(list);

        for (String command : List.of("demo", "run", "load", "export", "list", "analyze", "bench", "services", "aws", "worker")) {
            out.reset();
            assertThat(run("help", command)).as(command).isZero();
            String usage = stdout();
            assertThat(usage).startsWith("usage: wren4j " + command);
            out.reset();
            assertThat(run(command, "--help")).as(command + " --help").isZero();
            assertThat(stdout()).isEqualTo(usage);
            out.reset();
            assertThat(run(command, "-h")).isZero();
            assertThat(stdout()).isEqualTo(usage);
        }
        out.reset();
        // --help anywhere on the line, even after other options, and nothing runs
        assertThat(run("run", "cholesky", "--n", "100000", "--help")).isZero();
        assertThat(stdout()).contains("--input", "--label", "--force", "--block");
    }

    @Test
    void runJsonPrintsExactlyOneObjectLineWithTheFigures() {
        assertThat(run("run", "cholesky", "--n", "100", "--block", "32", "--workers", "2", "--json")).isEqualTo(0);
        String[] lines = stdout().split("\n");
        assertThat(lines).hasSize(1);
        String json = lines[0];
        assertThat(json).startsWith("{").endsWith("}");
        for (String key : List.of("op", "n", "block", "workers", "backend", "seconds", "gflops", "residual", "tasks", "task_executions")) {
            assertThat(json).contains("\"" + key + "\": ");
        }
        assertThat(json).contains("\"op\": \"cholesky\"", "\"n\": 100", "\"block\": 32", "\"tasks\": 20", "\"backend\": \"embedded\"");
        double residual = Double.parseDouble(json.replaceAll(".*\"residual\": ([^,]+),.*", "$1"));
        assertThat(residual).isLessThan(1e-14);
    }

    @Test
    void gemmOnTallShapesAndNoCheck() {
        assertThat(run("run", "gemm", "--m", "90", "--k", "20", "--n", "30", "--block", "16", "--json")).isEqualTo(0);
        assertThat(stdout()).contains("\"m\": 90", "\"k\": 20", "\"tasks\": 12");
        out.reset();
        assertThat(run("run", "gemm", "--n", "40", "--block", "16", "--json", "--no-check")).isEqualTo(0);
        assertThat(stdout()).contains("\"residual\": null");
    }

    @Test
    void workerRefusesUnknownOptionsAndNamesAServiceThatDoesNotAnswer() {
        assertThat(run("worker", "--redis", "redis://127.0.0.1:1", "--color", "red")).isEqualTo(1);
        assertThat(stderr()).isEqualTo("wren4j: error: unknown option --color\n");
        err.reset();
        // port 1 on loopback: nothing listens, so the connection is refused at once
        assertThat(run("worker", "--redis", "redis://127.0.0.1:1", "--sqs", "http://127.0.0.1:1", "--s3", "http://127.0.0.1:1",
                "--bucket", "b")).isEqualTo(1);
        assertThat(stderr()).startsWith("wren4j: error: ").contains("Redis", "redis://127.0.0.1:1")
                .endsWith("(is it running? 'wren4j services up' starts local servers)\n");
    }

    @Test
    void analyzePrintsOneJsonLineWithoutRunningAnything() {
        assertThat(run("analyze", "cholesky", "--n", "1048576", "--block", "4096", "--json")).isEqualTo(0);
        String json = stdout().trim();
        assertThat(json.split("\n")).hasSize(1);
        for (String key : List.of("program", "n", "block", "tasks", "program_bytes", "starting_tasks", "starting_ms", "children_us", "parents_us")) {
            assertThat(json).contains("\"" + key + "\":");
        }
        // 256 tiles per side: N + N(N-1)/2 + (N-1)N(N+1)/6 tasks
        assertThat(json).contains("\"tasks\":2829056", "\"starting_tasks\":1");
        err.reset();
        assertThat(run("analyze", "nope", "--n", "8")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: unknown program 'nope'");
        out.reset();
        assertThat(run("analyze", "--list")).isEqualTo(0);
        assertThat(stdout().lines().toList()).contains("cholesky", "gemm").isEqualTo(org.wren4j.api.ProgramLibrary.names());
    }

    @Test
    void solverOpsReportBackwardErrors() {
        String[][] runs = {
            {"solve", "--n", "90", "--k", "3", "--block", "32"},
            {"gram", "--m", "100", "--n", "40", "--block", "16"},
            {"qr", "--m", "70", "--n", "45", "--block", "16"},
            {"tsqr", "--m", "200", "--n", "12", "--block", "16"},
            {"lstsq", "--m", "80", "--n", "30", "--block", "16"},
            {"lu", "--n", "50", "--block", "16"},
            {"svd", "--m", "60", "--n", "40", "--block", "16"},
            {"svd", "--m", "30", "--n", "45", "--block", "16"}};
        for (String[] r : runs) {
            out.reset();
            String[] argv = new String[r.length + 2];
            argv[0] = "run";
            System.arraycopy(r, 0, argv, 1, r.length);
            argv[argv.length - 1] = "--json";
            assertThat(run(argv)).as(String.join(" ", r)).isEqualTo(0);
            String json = stdout().trim();
            assertThat(json).contains("\"op\": \"" + r[0] + "\"");
            double residual = Double.parseDouble(json.replaceAll(".*\"residual\": ([^,]+),.*", "$1"));
            assertThat(residual).as("%s residual", r[0]).isLessThan(1e-13);
        }
        err.reset();
        assertThat(run("run", "qr", "--m", "10", "--n", "20")).isEqualTo(2);
        assertThat(stderr()).startsWith("wren4j: qr needs a square or tall matrix: --m 10 < --n 20");
        err.reset();
        assertThat(run("run", "tsqr", "--m", "100", "--n", "40", "--block", "16")).isEqualTo(2);
        assertThat(stderr()).contains("one tile column");
    }

    @Test
    void demoSummarisesAndChecks() {
        assertThat(run("demo", "--n", "300", "--block", "100")).isEqualTo(0);
        assertThat(stdout()).contains("wren4j demo", "300x300", "GFLOP/s", "(ok)", "single-call LAPACK");
    }

    @Test
    void awsTemplatePrintsTheCloudFormationTemplate() {
        assertThat(run("aws", "template")).isEqualTo(0);
        assertThat(stdout()).isEqualTo(org.wren4j.api.LambdaWorkers.cloudFormationTemplate())
                .startsWith("AWSTemplateFormatVersion: \"2010-09-09\"").contains("AWS::Lambda::Function", "AWS::SQS::Queue");
        assertThat(stderr()).isEmpty();
        assertThat(run("aws")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("wren4j: aws takes one subcommand, template; got none; see 'wren4j help aws'\n");
    }
}
