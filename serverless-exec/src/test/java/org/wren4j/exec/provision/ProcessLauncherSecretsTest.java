package org.wren4j.exec.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
    void thePasswordGoesThroughAPrivateFileNotTheCommandLine() throws IOException {
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var args = List.of("--redis", "redis://:s3cret-pw@127.0.0.1:" + port, "--sqs", "http://127.0.0.1:" + port, "--bucket", "b");
        var launcher = new ProcessLauncher(args, List.of("-Xmx64m"), Map.of(), logs);
        Path optionsFile = logs.resolve("worker-options");
        try {
            launcher.launch(1);
            ProcessHandle worker = launcher.processes().get(0);
            String cmdline = Files.readString(Path.of("/proc", Long.toString(worker.pid()), "cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            assertThat(cmdline).contains("WorkerMain --options-file " + optionsFile).doesNotContain("s3cret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(optionsFile))).isEqualTo("rw-------");
            assertThat(Files.readString(optionsFile)).contains("s3cret-pw");
        } finally {
            launcher.close();
        }
        assertThat(optionsFile).doesNotExist();
    }
}
