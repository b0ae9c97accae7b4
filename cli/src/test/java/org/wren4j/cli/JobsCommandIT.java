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
 * A client process runs a Cholesky on the services with worker processes and is killed
 * (SIGKILL) mid-job; its workers' options files (which carry secrets) are already gone, deleted
 * by the workers that read them. From another process, {@code jobs list} shows the job running,
 * {@code jobs attach} finishes it with workers of its own and names its result, which equals (bit
 * for bit) the factor recomputed from the job's input; {@code jobs gc} then removes the finished
 * job, and the killed client's worker log directory once its workers ended, but not its result.
 * Real Redis, ElasticMQ and s3proxy from {@code services up}.
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

    /** The worker log directory {@code --launcher processes} made for the client process {@code pid}, or null. */
    private static Path workerLogsOf(long pid) throws java.io.IOException {
        try (var dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith("wren4j-workers")).toList()) {
                Path marker = d.resolve("client");
                if (Files.isRegularFile(marker) && Files.readString(marker).startsWith(pid + " ")) {
                    return d;
                }
            }
        }
        return null;
    }

    /** How many live processes name a file in {@code dir} on their command line: the workers writing there. */
    private static long writers(Path dir) {
        String prefix = dir + java.io.File.separator;
        return ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> List.of(a).stream().anyMatch(x -> x.startsWith(prefix)))
                .orElse(false)).count();
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
            cmd.addAll(List.of("--launcher", "processes"));
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
            Path logs = workerLogsOf(client.pid());
            assertThat(logs).as("the killed client's worker log directory").isNotNull();
            try (var files = Files.list(logs)) {
                assertThat(files.map(f -> f.getFileName().toString()).toList()).as("files in %s", logs)
                        .anyMatch(f -> f.endsWith(".log")).noneMatch(f -> f.endsWith(".options"));
            }

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

            // the killed client's workers end once idle; until then their log directory stays
            deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (writers(logs) > 0) {
                assertThat(System.nanoTime()).as("the killed client's workers end once idle").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(run(with(flags, "jobs", "gc"))).isZero();
            assertThat(printed()).startsWith("collected ").contains(job).contains("worker log director");
            assertThat(logs).as("the worker logs of the killed client").doesNotExist();
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
