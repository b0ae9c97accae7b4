package org.wren4j.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the kernel's start-up race is retried, never a notebook that failed once a cell ran. */
class NotebookRunnerTest {
    @Test
    void aKernelThatNeverAnsweredIsTheStartupRace() {
        String log = """
                [NbConvertApp] Converting notebook quick-start.ipynb to notebook
                [2026-12-05 06:51:47] [INFO   ] [ShellChannel]: Binding to tcp://127.0.0.1:53843
                RuntimeError: Kernel didn't respond in 30 seconds
                """;
        assertThat(NotebookRunner.isStartupRace(log)).isTrue();
    }

    @Test
    void aCellThatFailedOrTimedOutIsNeverRetried() {
        String cellFailed = """
                [2026-12-05 06:51:48] [INFO   ] [ShellChannel]: Handling message: execute_request
                nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:
                """;
        String cellTimedOut = """
                [2026-12-05 06:51:48] [INFO   ] [ShellChannel]: Handling message: execute_request
                nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 180 seconds.
                """;
        String raceMessageAfterACell = """
                [2026-12-05 06:51:48] [INFO   ] [ShellChannel]: Handling message: execute_request
                RuntimeError: Kernel didn't respond in 30 seconds
                """;
        assertThat(NotebookRunner.isStartupRace(cellFailed)).isFalse();
        assertThat(NotebookRunner.isStartupRace(cellTimedOut)).isFalse();
        assertThat(NotebookRunner.isStartupRace(raceMessageAfterACell)).isFalse();
        assertThat(NotebookRunner.isStartupRace("No such file or directory: 'missing.ipynb'")).isFalse();
    }

    @Test
    void theRaceIsRetriedAndACellFailureIsNot(@TempDir Path dir) throws IOException {
        // a stand-in for jupyter: fails the way its first line says, once per line, then succeeds
        Path fake = dir.resolve("jupyter");
        Files.writeString(fake, """
                #!/bin/sh
                out="$(eval echo \\${$(($#-1))})"; nb="$(eval echo \\${$#})"
                n=$(cat "$out/../count" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$out/../count"
                line=$(sed -n "${n}p" "$nb.plan")
                if [ -n "$line" ]; then echo "$line"; exit 1; fi
                cp "$nb" "$out/"; exit 0
                """);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Path nb = dir.resolve("a.ipynb");
        Files.writeString(nb, "{}");
        var runner = new NotebookRunner(fake, dir.resolve("data"), dir.resolve("out"), 3, Duration.ofSeconds(5), Duration.ofSeconds(5));

        Files.writeString(dir.resolve("a.ipynb.plan"), "RuntimeError: Kernel didn't respond in 30 seconds\n");
        NotebookRunner.Run raced = runner.run(nb);
        assertThat(raced.succeeded()).isTrue();
        assertThat(raced.attempts()).isEqualTo(2);
        assertThat(raced.executed()).isRegularFile();

        Files.delete(dir.resolve("count"));
        Files.writeString(dir.resolve("a.ipynb.plan"), "nbclient.exceptions.CellExecutionError: boom\n");
        NotebookRunner.Run failed = runner.run(nb);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.executed()).doesNotExist();
        assertThat(failed.lastLog()).contains("CellExecutionError: boom");

        Files.delete(dir.resolve("count"));
        Files.writeString(dir.resolve("a.ipynb.plan"), "Kernel didn't respond\nKernel didn't respond\nKernel didn't respond\n");
        NotebookRunner.Run alwaysRaced = runner.run(nb);
        assertThat(alwaysRaced.succeeded()).isFalse();
        assertThat(alwaysRaced.attempts()).isEqualTo(3);
    }

    @Test
    void aMissingJupyterFailsNamingWhatToInstall() {
        assertThatThrownBy(() -> JupyterSetup.requireJupyter(Path.of("/nonexistent/jupyter")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Jupyter is missing: /nonexistent/jupyter")
                .hasMessageContaining("apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient jupyter-client");
    }
}
