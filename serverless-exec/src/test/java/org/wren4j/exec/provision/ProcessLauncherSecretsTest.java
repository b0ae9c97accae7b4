package org.wren4j.exec.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker process's command line, readable by every user, never carries the Redis password. */
class ProcessLauncherSecretsTest {
    @TempDir
    Path logs;

    @Test
    void workersInheritOnlyTheVariablesTheyNeed() {
        var parent = new java.util.HashMap<>(Map.of("OPENBLAS_CORETYPE", "Haswell", "GOTO_NUM_THREADS", "1"));
        parent.putAll(Map.of("PATH", "/usr/bin", "HOME", "/home/u", "LC_ALL", "C.UTF-8", "AWS_REGION", "eu-west-1",
                "AWS_SECRET_ACCESS_KEY", "aws-secret", "WREN4J_WORKER_HEAP", "-Xmx1g", "GITHUB_TOKEN", "ghp_secret",
                "DB_PASSWORD", "hunter2", "JAVA_TOOL_OPTIONS", "-Dx=1", "https_proxy", "http://proxy:3128"));
        // BLAS's own variables too: a worker on other kernels would round differently from its peers
        assertThat(ProcessLauncher.workerEnvironment(parent)).containsOnlyKeys("PATH", "HOME", "LC_ALL", "AWS_REGION",
                "AWS_SECRET_ACCESS_KEY", "WREN4J_WORKER_HEAP", "JAVA_TOOL_OPTIONS", "https_proxy", "OPENBLAS_CORETYPE",
                "GOTO_NUM_THREADS");
    }

    @Test
    void closingKeepsOnlyTheLogsOfWorkersThatFailed() throws Exception {
        Path failing = logs.resolve("failing");
        var bad = new ProcessLauncher(List.of("--bogus", "x"), List.of("-Xmx64m"), Map.of(), failing);
        bad.launch(1);
        ProcessHandle worker = bad.processes().get(0);
        worker.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        bad.close();
        assertThat(Files.readString(failing.resolve("worker-1.log"))).contains("unknown option --bogus");
        assertThat(failing.resolve("worker-1.options")).doesNotExist();

        Path clean = logs.resolve("clean");
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var good = new ProcessLauncher(List.of("--redis", "redis://127.0.0.1:" + port, "--sqs", "http://127.0.0.1:" + port, "--bucket", "b"),
                List.of("-Xmx64m"), Map.of(), clean);
        good.launch(1);
        Thread.sleep(500);
        good.close(); // SIGTERM: a clean end, its log goes, and the directory with it
        assertThat(clean).doesNotExist();
    }

    /**
     * The password reaches the worker through a file of its own readable by this user only, which
     * the worker deletes once read: the file is gone while the worker runs and its launcher is
     * never closed (as when the client is killed with SIGKILL and no cleanup of its runs).
     */
    @Test
    void thePasswordGoesThroughAPrivateFileTheWorkerDeletesOnceRead() throws Exception {
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var args = List.of("--redis", "redis://:s3cret-pw@127.0.0.1:" + port, "--sqs", "http://127.0.0.1:" + port, "--bucket", "b");
        var launcher = new ProcessLauncher(args, List.of("-Xmx64m"), Map.of(), logs);
        Path optionsFile = logs.resolve("worker-1.options");
        try {
            launcher.launch(1);
            ProcessHandle worker = launcher.processes().get(0);
            String cmdline = Files.readString(Path.of("/proc", Long.toString(worker.pid()), "cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            assertThat(cmdline).contains("WorkerMain --options-file-once " + optionsFile).doesNotContain("s3cret");
            String environ = Files.readString(Path.of("/proc", Long.toString(worker.pid()), "environ"), StandardCharsets.UTF_8);
            assertThat(environ).contains("OMP_NUM_THREADS=1").contains("PATH=");

            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (Files.exists(optionsFile) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(optionsFile).as("deleted by the worker that read it, its launcher not closed").doesNotExist();
            assertThat(worker.isAlive()).as("the worker runs on (it waits for its services); log: %s",
                    Files.readString(logs.resolve("worker-1.log"))).isTrue();
        } finally {
            launcher.close();
        }
    }

    @Test
    void aWorkerThatNeverReadItsOptionsFileLeavesNoneAfterClose() throws Exception {
        // a JVM that cannot start (an unknown option) never reads its file: close removes it
        var launcher = new ProcessLauncher(List.of("--bucket", "b"), List.of("-XX:+NoSuchJvmOption"), Map.of(), logs);
        launcher.launch(1);
        for (ProcessHandle p : launcher.processes()) {
            p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(logs.resolve("worker-1.options")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs.resolve("worker-1.options")))).isEqualTo("rw-------");
        launcher.close();
        assertThat(logs.resolve("worker-1.options")).doesNotExist();
    }
}
