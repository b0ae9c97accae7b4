package org.wren4j.exec.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wren4j.exec.testing.KernelLoopMain;

/**
 * SIGTERM to a process whose threads are inside OpenBLAS calls: the JVM exits as SIGTERM says
 * (status 143), never with a crash of native code running on buffers freed at exit.
 */
class KernelExitTest {
    @TempDir
    Path dir;

    @Test
    void sigtermMidKernelExitsCleanly() throws Exception {
        var random = new Random(5);
        for (int run = 0; run < 4; run++) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    KernelLoopMain.class.getName(), "2", "768")).directory(dir.toFile()).redirectErrorStream(true);
            Path log = dir.resolve("run-" + run + ".log");
            pb.redirectOutput(log.toFile());
            pb.environment().put("OMP_NUM_THREADS", "1");
            Process p = pb.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log).contains("running")) {
                assertThat(p.isAlive() && System.nanoTime() < deadline).as("run %d starts: %s", run, Files.readString(log)).isTrue();
                Thread.sleep(20);
            }
            Thread.sleep(100 + random.nextInt(400));
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("run %d exits", run).isTrue();
            String rest = Files.readString(log);
            assertThat(rest).as("run %d", run).doesNotContain("SIGSEGV").doesNotContain("fatal error");
            assertThat(p.exitValue()).as("run %d: %s", run, rest).isEqualTo(143);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("hs_err"))).isEmpty();
        }
    }
}
