package org.wren4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.api.ServiceEndpoints;
import org.wren4j.api.Wren;

/**
 * A client process runs a Cholesky on the services and is killed (SIGKILL) mid-job; from another
 * process, {@code jobs list} shows the job running, {@code jobs attach} finishes it with workers of
 * its own and names its result, which equals (bit for bit) the factor recomputed from the job's
 * input; {@code jobs gc} then removes the finished job but not its result. Real Redis, ElasticMQ
 * and s3proxy from {@code services up}.
 */
class JobsCommandIT extends CliTest {
    /** What the last run printed on stdout, without its line end. */
    private String printed() {
        return stdout().strip();
    }

    private List<String> with(String flags, String... argv) {
        var all = new ArrayList<>(List.of(argv));
        all.addAll(List.of(flags.split(" ")));
        return all;
    }

    private static String field(String json, String name) {
        return json.replaceAll(".*\"" + name + "\": \"?([^\",}\\]]*)\"?.*", "$1");
    }

    @Test
    void aKilledClientsJobIsAttachedFinishedAndCollectedFromAnotherProcess(@TempDir Path dir) throws Exception {
        assertThat(run(List.of("services", "up", "--dir", dir.toString()))).as(stderr()).isZero();
        String flags = printed();
        Process client = null;
        try {
            var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "run", "cholesky", "--n", "1024", "--block", "64", "--workers", "1", "--json"));
            cmd.addAll(List.of(flags.split(" ")));
            Path log = dir.resolve("client.log");
            client = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();

            // wait until the client's job is a third done, then kill the client (and its worker threads) outright
            String job = null;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (job == null) {
                assertThat(client.isAlive()).as("client alive; its log: %s", Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("the client's job shows up").isLessThan(deadline);
                assertThat(run(with(flags, "jobs", "list", "--json"))).as(stderr()).isZero();
                for (String line : printed().lines().toList()) {
                    long done = Long.parseLong(field(line, "completed"));
                    long tasks = Long.parseLong(field(line, "tasks"));
                    if (field(line, "status").equals("running") && tasks > 0 && done >= tasks / 3) {
                        job = field(line, "job");
                    }
                }
                Thread.sleep(50);
            }
            client.destroyForcibly();
            client.waitFor();
            assertThat(Files.readString(log)).doesNotContain("\"residual\"");

            assertThat(run(with(flags, "jobs", "status", job))).isZero();
            assertThat(printed()).startsWith(job + "  cholesky").contains("  running  ");

            assertThat(run(with(flags, "jobs", "attach", job, "--workers", "2", "--json"))).as(stderr()).isZero();
            String attached = printed();
            System.out.println("attached: " + attached);
            assertThat(attached).contains("\"job\": \"" + job + "\"", "\"status\": \"succeeded\"", "\"tasks\": 816,");
            String input = attached.replaceAll(".*\"inputs\": \\[\"([^\"]+)\"\\].*", "$1");
            String output = attached.replaceAll(".*\"outputs\": \\[\"([^\"]+)\"\\].*", "$1");

            var endpoints = ServiceEndpoints.of(flags.replaceAll(".*--redis (\\S+).*", "$1"), flags.replaceAll(".*--sqs (\\S+).*", "$1"),
                    flags.replaceAll(".*--s3 (\\S+).*", "$1"), "wren4j");
            try (Wren wren = Wren.builder().services(endpoints).workers(2).build()) {
                double[][] factor = wren.open(output).toArray();
                double[][] again = wren.open(input).asSpd().cholesky().toArray();
                assertThat(factor).isDeepEqualTo(again);
            }

            assertThat(run(with(flags, "jobs", "gc"))).isZero();
            assertThat(printed()).startsWith("collected ").contains(job);
            assertThat(run(with(flags, "jobs", "status", job))).isEqualTo(1);
            assertThat(stderr()).contains("no job " + job + " is stored there");
            try (Wren wren = Wren.builder().services(endpoints).workers(1).build()) {
                assertThat(wren.open(output).rows()).as("results stay").isEqualTo(1024);
            }
        } finally {
            if (client != null) {
                client.destroyForcibly();
            }
            run(List.of("services", "down", "--purge", "--dir", dir.toString()));
        }
    }
}
